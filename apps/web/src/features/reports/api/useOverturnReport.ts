import { unwrap } from '@preauth/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { reportKeys } from './report-keys';
import type { ReportRange } from './types';

export function useOverturnByPayer(range: ReportRange) {
  return useQuery({
    queryKey: reportKeys.overturnByPayer(range),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/reports/overturn-by-payer', { params: { query: range }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useOverturnByReason(range: ReportRange) {
  return useQuery({
    queryKey: reportKeys.overturnByReason(range),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/reports/overturn-by-reason', { params: { query: range }, signal })),
    placeholderData: keepPreviousData,
  });
}
