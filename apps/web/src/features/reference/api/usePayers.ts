import { unwrap } from '@preauth/api-client';
import { useQuery } from '@tanstack/react-query';
import { useAfterPageData } from '../../../app/after-page-data';
import { api } from '../../../app/api';
import { REFERENCE_STALE_TIME, referenceKeys } from './reference-keys';

/** `afterPageData`: for a list's filters, asked for after the page's rows (app/after-page-data.ts). */
export function usePayers({ afterPageData = false }: { afterPageData?: boolean } = {}) {
  return useQuery({
    ...useAfterPageData(afterPageData),
    queryKey: referenceKeys.payers(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/payers', { signal })),
    staleTime: REFERENCE_STALE_TIME,
  });
}
