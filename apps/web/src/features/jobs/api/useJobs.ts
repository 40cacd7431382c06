import { unwrap, type Schemas } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type JobRun = Schemas['JobRunDto'];
export type JobSchedule = Schemas['JobScheduleDto'];

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => [...jobKeys.all, 'list'] as const,
};

/** Background jobs and their runs (admins): asked again every 30 seconds while the page is open. */
export function useJobs() {
  return useQuery({
    queryKey: jobKeys.list(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/admin/jobs', { signal })),
    refetchInterval: 30_000,
  });
}
