import {
  CLINIC_MISS_LABELS,
  formatReportCount,
  formatReportShare,
  REVIEW_STAGE_LABELS,
  type ReportColumn,
  type ReportTarget,
} from './report-tables';
import { URGENCY_LABELS, type Urgency } from './case-status';
import { formatCents } from './self-pay';

// The rows of each report as the API sends them (the dashboard's generated types match these),
// the columns each report shows in order, and the order of its rows. See report-tables.ts.

export interface ReportRangeDays {
  from: string;
  to: string;
}

export interface OverturnByStageRow {
  stage: string;
  decisions: number;
  overturned: number;
  overturnRate: number | null;
}

export interface SummaryFiguresInput {
  submitted: number;
  decisions: number;
  approved: number;
  partiallyApproved: number;
  denied: number;
  withdrawn: number;
  completed: number;
  approvalsUsedShare: number | null;
  approvedShare: number | null;
  partiallyApprovedShare: number | null;
  deniedShare: number | null;
  approvedAfterAppeal: number;
  approvedAfterAppealShare: number | null;
  deniedThenAppealed: number;
  appealRate: number | null;
  overturnRate: number | null;
  overturnByStage: readonly OverturnByStageRow[];
}

export interface SummaryFigure {
  /** Names the tile (the dashboard's test ids are `stat-<key>`). */
  key: string;
  label: string;
  value: string;
  detail: string;
}

export function reportShareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function reportPlural(count: number, one: string, many: string, target: ReportTarget = 'screen'): string {
  return `${formatReportCount(count, target)} ${count === 1 ? one : many}`;
}

/** The summary's headline figures, in the order of the tiles. */
export function summaryFigures(s: SummaryFiguresInput, target: ReportTarget = 'screen'): SummaryFigure[] {
  const n = (count: number) => formatReportCount(count, target);
  const ofDecisions = (count: number) => `${n(count)} of ${n(s.decisions)} decisions`;
  return [
    {
      key: 'submitted',
      label: 'Requests submitted',
      value: n(s.submitted),
      detail: reportPlural(s.decisions, 'initial decision', 'initial decisions', target),
    },
    { key: 'approved', label: 'Approved', value: formatReportShare(s.approvedShare), detail: ofDecisions(s.approved) },
    {
      key: 'partially-approved',
      label: 'Partially approved',
      value: formatReportShare(s.partiallyApprovedShare),
      detail: ofDecisions(s.partiallyApproved),
    },
    { key: 'denied', label: 'Denied', value: formatReportShare(s.deniedShare), detail: ofDecisions(s.denied) },
    {
      key: 'withdrawn',
      label: 'Withdrawn',
      value: formatReportShare(reportShareOf(s.withdrawn, s.submitted)),
      detail: `${n(s.withdrawn)} withdrawn, of ${n(s.submitted)} submitted`,
    },
    {
      key: 'completed',
      label: 'Approvals used in full',
      value: formatReportShare(s.approvalsUsedShare),
      detail: `${reportPlural(s.completed, 'case', 'cases', target)} completed; the rest of the approvals that ended expired`,
    },
    {
      key: 'approved-after-appeal',
      label: 'Approved after appeal',
      value: formatReportShare(s.approvedAfterAppealShare),
      detail: `${reportPlural(s.approvedAfterAppeal, 'approval', 'approvals', target)} on review`,
    },
    {
      key: 'appeal-rate',
      label: 'Appeal rate',
      value: formatReportShare(s.appealRate),
      detail: `${n(s.deniedThenAppealed)} of ${n(s.denied)} denials appealed`,
    },
    {
      key: 'overturn-rate',
      label: 'Overturn rate',
      value: formatReportShare(s.overturnRate),
      detail: 'Over every review level',
    },
  ];
}

/** The review levels the summary's table shows: those with a decision in the range. */
export function decidedReviewStages<T extends OverturnByStageRow>(stages: readonly T[]): T[] {
  return stages.filter((stage) => stage.decisions > 0);
}

export const OVERTURN_BY_STAGE_COLUMNS: readonly ReportColumn<OverturnByStageRow>[] = [
  { key: 'stage', header: 'Level', kind: 'text', value: (r) => REVIEW_STAGE_LABELS[r.stage] ?? r.stage },
  { key: 'decisions', header: 'Decisions', kind: 'count', value: (r) => r.decisions },
  { key: 'overturned', header: 'Overturned', kind: 'count', value: (r) => r.overturned },
  { key: 'overturnRate', header: 'Overturn rate', kind: 'share', value: (r) => r.overturnRate },
];

/**
 * The summary as one table: the tiles, then the by-level table's rows (the screen's order).
 * Figures are already written as the screen writes them, so the columns are plain text.
 */
export function summaryCsvRows(s: SummaryFiguresInput): SummaryFigure[] {
  return [
    ...summaryFigures(s, 'csv'),
    ...decidedReviewStages(s.overturnByStage).map((stage) => {
      const label = REVIEW_STAGE_LABELS[stage.stage] ?? stage.stage;
      return {
        key: `overturn-${stage.stage}`,
        label: `Overturn rate: ${label}`,
        value: formatReportShare(stage.overturnRate),
        detail: `${formatReportCount(stage.overturned, 'csv')} of ${formatReportCount(stage.decisions, 'csv')} decisions overturned`,
      };
    }),
  ];
}

export const SUMMARY_COLUMNS: readonly ReportColumn<SummaryFigure>[] = [
  { key: 'figure', header: 'Figure', kind: 'text', value: (r) => r.label },
  { key: 'value', header: 'Value', kind: 'text', value: (r) => r.value },
  { key: 'detail', header: 'Detail', kind: 'text', value: (r) => r.detail },
];

export interface DecisionTimeReportRow {
  urgency: string;
  decisions: number;
  meanHours: number | null;
  medianHours: number | null;
  p90Hours: number | null;
  late: number;
  lateShare: number | null;
}

export const DECISION_TIME_COLUMNS: readonly ReportColumn<DecisionTimeReportRow>[] = [
  { key: 'urgency', header: 'Urgency', kind: 'text', value: (r) => URGENCY_LABELS[r.urgency as Urgency] ?? r.urgency },
  { key: 'decisions', header: 'Decisions', kind: 'count', value: (r) => r.decisions },
  { key: 'mean', header: 'Mean', kind: 'duration', value: (r) => r.meanHours },
  { key: 'median', header: 'Median', kind: 'duration', value: (r) => r.medianHours },
  { key: 'p90', header: '90th percentile', kind: 'duration', value: (r) => r.p90Hours },
  { key: 'late', header: 'After deadline', kind: 'count', value: (r) => r.late },
  { key: 'lateShare', header: 'Share late', kind: 'share', value: (r) => r.lateShare },
];

export interface TrendReportRow {
  month: string;
  submitted: number;
  decisions: number;
  approved: number;
  denied: number;
  medianHours: number | null;
}

export const TREND_COLUMNS: readonly ReportColumn<TrendReportRow>[] = [
  { key: 'month', header: 'Month', kind: 'month', value: (r) => r.month },
  { key: 'submitted', header: 'Submitted', kind: 'count', value: (r) => r.submitted },
  { key: 'decisions', header: 'Decided', kind: 'count', value: (r) => r.decisions },
  { key: 'approved', header: 'Approved', kind: 'count', value: (r) => r.approved },
  { key: 'denied', header: 'Denied', kind: 'count', value: (r) => r.denied },
  { key: 'medianHours', header: 'Median time', kind: 'duration', value: (r) => r.medianHours },
];

// The API leaves out months without activity; a trend must show them as zeros, not skip them.
export function fillTrendMonths<T extends TrendReportRow>(
  rows: readonly T[],
  range: ReportRangeDays,
): TrendReportRow[] {
  const byMonth = new Map<string, TrendReportRow>(rows.map((row) => [row.month, row]));
  const filled: TrendReportRow[] = [];
  let [year, month] = range.from.split('-').map(Number);
  const last = range.to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    filled.push(
      byMonth.get(key) ?? { month: key, submitted: 0, decisions: 0, approved: 0, denied: 0, medianHours: null },
    );
    byMonth.delete(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  // Anything outside the range (should not happen) is kept rather than dropped.
  return [...filled, ...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export interface BreakdownReportRow {
  key: string;
  label: string;
  decisions: number;
  approved: number;
  partiallyApproved: number;
  denied: number;
  deniedShare: number | null;
  late: number;
  medianHours: number | null;
}

/** By payer, CPT code or physician: the first column names the group. */
export function breakdownColumns(dimension: string): readonly ReportColumn<BreakdownReportRow>[] {
  return [
    { key: 'label', header: dimension, kind: 'text', value: (r) => r.label },
    { key: 'decisions', header: 'Decisions', kind: 'count', value: (r) => r.decisions },
    { key: 'approved', header: 'Approved', kind: 'count', value: (r) => r.approved },
    { key: 'partiallyApproved', header: 'Partially approved', kind: 'count', value: (r) => r.partiallyApproved },
    { key: 'denied', header: 'Denied', kind: 'count', value: (r) => r.denied },
    { key: 'deniedShare', header: 'Denied share', kind: 'share', value: (r) => r.deniedShare },
    { key: 'late', header: 'Late', kind: 'count', value: (r) => r.late },
    { key: 'medianHours', header: 'Median time', kind: 'duration', value: (r) => r.medianHours },
  ];
}

export const BREAKDOWN_DIMENSIONS = { payer: 'Payer', cpt: 'CPT code', physician: 'Physician' } as const;

export function sortBreakdownRows<T extends BreakdownReportRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.decisions - a.decisions || a.label.localeCompare(b.label));
}

export interface DenialReasonReportRow {
  code: string;
  label: string;
  denials: number;
  share: number | null;
}

export const DENIAL_REASON_COLUMNS: readonly ReportColumn<DenialReasonReportRow>[] = [
  { key: 'code', header: 'Code', kind: 'text', value: (r) => r.code },
  { key: 'label', header: 'Reason', kind: 'text', value: (r) => r.label },
  { key: 'denials', header: 'Denials', kind: 'count', value: (r) => r.denials },
  { key: 'share', header: 'Share of denials', kind: 'share', value: (r) => r.share },
];

export function sortDenialReasons<T extends DenialReasonReportRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.denials - a.denials || a.code.localeCompare(b.code));
}

/** Cases whose denial was reviewed (peer-to-peer, appeal, external review) in the range, by a group. */
export interface OverturnReportRow {
  key: string;
  label: string;
  decided: number;
  overturned: number;
  overturnRate: number | null;
}

const OVERTURN_FIGURES: readonly ReportColumn<OverturnReportRow>[] = [
  { key: 'decided', header: 'Appeals decided', kind: 'count', value: (r) => r.decided },
  { key: 'overturned', header: 'Overturned', kind: 'count', value: (r) => r.overturned },
  { key: 'overturnRate', header: 'Overturn rate', kind: 'share', value: (r) => r.overturnRate },
];

export const OVERTURN_BY_PAYER_COLUMNS: readonly ReportColumn<OverturnReportRow>[] = [
  { key: 'label', header: 'Payer', kind: 'text', value: (r) => r.label },
  ...OVERTURN_FIGURES,
];

export const OVERTURN_BY_REASON_COLUMNS: readonly ReportColumn<OverturnReportRow>[] = [
  { key: 'key', header: 'Code', kind: 'text', value: (r) => r.key },
  { key: 'label', header: 'Reason', kind: 'text', value: (r) => r.label },
  ...OVERTURN_FIGURES,
];

export function sortOverturnRows<T extends OverturnReportRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.decided - a.decided || a.label.localeCompare(b.label));
}

export interface LatePayerReportRow {
  payerId: string;
  payer: string;
  decisions: number;
  late: number;
  lateShare: number | null;
  meanDaysLate: number | null;
  overdueOpen: number;
}

export const LATE_PAYER_COLUMNS: readonly ReportColumn<LatePayerReportRow>[] = [
  { key: 'payer', header: 'Payer', kind: 'text', value: (r) => r.payer },
  { key: 'decisions', header: 'Decisions with a deadline', kind: 'count', value: (r) => r.decisions },
  { key: 'late', header: 'Decided late', kind: 'count', value: (r) => r.late },
  { key: 'lateShare', header: 'Share late', kind: 'share', value: (r) => r.lateShare },
  { key: 'meanDaysLate', header: 'Mean days late', kind: 'days', value: (r) => r.meanDaysLate },
  { key: 'overdueOpen', header: 'Still waiting, past deadline (now)', kind: 'count', value: (r) => r.overdueOpen },
];

export function sortLatePayers<T extends LatePayerReportRow>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      b.late - a.late ||
      (b.lateShare ?? 0) - (a.lateShare ?? 0) ||
      b.overdueOpen - a.overdueOpen ||
      a.payer.localeCompare(b.payer),
  );
}

export interface ClinicMissReportRow {
  kind: string;
  caseId: string;
  caseNumber: string;
  payer: string;
  at: string;
}

export const CLINIC_MISS_COLUMNS: readonly ReportColumn<ClinicMissReportRow>[] = [
  { key: 'case', header: 'Case', kind: 'text', value: (r) => r.caseNumber },
  { key: 'kind', header: 'What was missed', kind: 'text', value: (r) => CLINIC_MISS_LABELS[r.kind] ?? r.kind },
  { key: 'payer', header: 'Payer', kind: 'text', value: (r) => r.payer },
  { key: 'at', header: 'When', kind: 'datetime', value: (r) => r.at },
];

export function sortClinicMisses<T extends ClinicMissReportRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.at.localeCompare(a.at) || a.caseNumber.localeCompare(b.caseNumber));
}

export interface SelfPayReportRow {
  payer: string;
  reasonLabel: string;
  conversions: number;
  estimatedCents: number;
}

// The estimates are US dollars (the only currency an estimate takes), written as money.
export const SELF_PAY_COLUMNS: readonly ReportColumn<SelfPayReportRow>[] = [
  { key: 'payer', header: 'Payer', kind: 'text', value: (r) => r.payer },
  { key: 'reason', header: 'Reason', kind: 'text', value: (r) => r.reasonLabel },
  { key: 'conversions', header: 'Cases', kind: 'count', value: (r) => r.conversions },
  { key: 'estimated', header: 'Estimates (USD)', kind: 'text', value: (r) => formatCents(r.estimatedCents) },
];
