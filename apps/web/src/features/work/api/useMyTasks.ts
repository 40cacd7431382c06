import { unwrap } from '@preauth/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { workKeys } from './work-keys';

export const myTasksQuery = () =>
  queryOptions({
    queryKey: workKeys.myTasks(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/tasks', { signal })),
  });

/** Open tasks for the signed-in user or their roles. */
export function useMyTasks(options: { refetchInterval?: number } = {}) {
  return useQuery({ ...myTasksQuery(), refetchInterval: options.refetchInterval });
}
