import type { ReportRange } from './types';

// Keyed by the plain {from, to} values so two equal ranges share one cache entry.
const rangeKey = ({ from, to }: ReportRange) => ({ from, to });

export const reportKeys = {
  all: ['reports'] as const,
  summary: (range: ReportRange) => [...reportKeys.all, 'summary', rangeKey(range)] as const,
  decisionTimes: (range: ReportRange) => [...reportKeys.all, 'decision-times', rangeKey(range)] as const,
  byPayer: (range: ReportRange) => [...reportKeys.all, 'by-payer', rangeKey(range)] as const,
  byCpt: (range: ReportRange) => [...reportKeys.all, 'by-cpt', rangeKey(range)] as const,
  byPhysician: (range: ReportRange) => [...reportKeys.all, 'by-physician', rangeKey(range)] as const,
  byDenialReason: (range: ReportRange) => [...reportKeys.all, 'by-denial-reason', rangeKey(range)] as const,
  overturnByPayer: (range: ReportRange) => [...reportKeys.all, 'overturn-by-payer', rangeKey(range)] as const,
  overturnByReason: (range: ReportRange) => [...reportKeys.all, 'overturn-by-reason', rangeKey(range)] as const,
  trend: (range: ReportRange) => [...reportKeys.all, 'trend', rangeKey(range)] as const,
  latePayers: (range: ReportRange) => [...reportKeys.all, 'late-payers', rangeKey(range)] as const,
  clinicMisses: (range: ReportRange) => [...reportKeys.all, 'clinic-misses', rangeKey(range)] as const,
};
