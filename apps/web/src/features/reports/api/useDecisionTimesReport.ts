import { unwrap } from '@preauth/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { reportKeys } from './report-keys';
import type { ReportRange } from './types';

export function useDecisionTimesReport(range: ReportRange) {
  return useQuery({
    queryKey: reportKeys.decisionTimes(range),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/reports/decision-times', { params: { query: range }, signal })),
    // A new range keeps the old figures on screen (dimmed) instead of flashing a loader.
    placeholderData: keepPreviousData,
  });
}
