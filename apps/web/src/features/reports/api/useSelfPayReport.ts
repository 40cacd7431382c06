import { unwrap } from '@preauth/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { reportKeys } from './report-keys';
import type { ReportRange } from './types';

export function useSelfPayReport(range: ReportRange) {
  return useQuery({
    queryKey: reportKeys.selfPay(range),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/reports/self-pay', { params: { query: range }, signal })),
    placeholderData: keepPreviousData,
  });
}
