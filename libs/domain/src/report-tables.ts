// What every manager report shows, and how each figure reads: the dashboard's tables and the CSV
// exports are both built from these columns, in this order, so a spreadsheet always says what
// the screen says. The only differences are the ones a spreadsheet needs: counts without
// thousands separators (1234, which every spreadsheet reads as a number) and an empty cell, not
// a dash, where there is nothing to show.

/** Where a figure is going: the screen, or a CSV file. */
export type ReportTarget = 'screen' | 'csv';

export interface ReportFormat {
  target: ReportTarget;
  /** The clinic's IANA zone: instants are written as the clinic's clocks read them. */
  timeZone: string;
}

/** How a column's value reads. */
export type ReportCellKind =
  | 'text'
  | 'count'
  /** A fraction (0.4286), written as a percentage. */
  | 'share'
  /** Hours, written in minutes, hours or days as a reader expects them. */
  | 'duration'
  | 'days'
  /** A 'YYYY-MM' clinic month. */
  | 'month'
  /** An instant, written in the clinic's zone. */
  | 'datetime';

export interface ReportColumn<Row> {
  key: string;
  header: string;
  kind: ReportCellKind;
  value: (row: Row) => string | number | null | undefined;
}

export const REPORT_NO_VALUE = '—';

const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const groupedCount = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, useGrouping: false });
const monthFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

const isMissing = (value: unknown): value is null | undefined =>
  value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value));

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/** A fraction as a percentage: 0.4286 → 42.9%. */
export function formatReportShare(share: number | null | undefined): string {
  return isMissing(share) ? REPORT_NO_VALUE : percentFormat.format(share);
}

export function formatReportCount(count: number | null | undefined, target: ReportTarget = 'screen'): string {
  if (isMissing(count)) return REPORT_NO_VALUE;
  return target === 'csv' ? String(count) : groupedCount.format(count);
}

// Payers answer in hours (expedited) or days (standard): pick the unit a reader expects.
export function formatReportDuration(hours: number | null | undefined): string {
  if (isMissing(hours)) return REPORT_NO_VALUE;
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 72) return `${oneDecimal.format(hours)} h`;
  return `${oneDecimal.format(hours / 24)} d`;
}

export function formatReportDays(days: number | null | undefined): string {
  return isMissing(days) ? REPORT_NO_VALUE : `${oneDecimal.format(days)} d`;
}

/** 'YYYY-MM' → 'Mar 2026'. */
export function formatReportMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

export function formatReportDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return REPORT_NO_VALUE;
  const date = new Date(iso);
  // ICU puts a narrow no-break space before AM/PM, which a spreadsheet opened as Latin-1 garbles.
  return Number.isNaN(date.getTime())
    ? iso
    : dateTimeFormat(timeZone)
        .format(date)
        .replace(/\u202f/g, ' ');
}

/** One value as the screen or a CSV shows it. */
export function formatReportValue(
  kind: ReportCellKind,
  value: string | number | null | undefined,
  format: ReportFormat,
): string {
  const text = formatKnown(kind, value, format);
  return format.target === 'csv' && text === REPORT_NO_VALUE ? '' : text;
}

function formatKnown(kind: ReportCellKind, value: string | number | null | undefined, format: ReportFormat): string {
  if (isMissing(value)) return REPORT_NO_VALUE;
  switch (kind) {
    case 'text':
      return String(value);
    case 'count':
      return formatReportCount(Number(value), format.target);
    case 'share':
      return formatReportShare(Number(value));
    case 'duration':
      return formatReportDuration(Number(value));
    case 'days':
      return formatReportDays(Number(value));
    case 'month':
      return formatReportMonth(String(value));
    case 'datetime':
      return formatReportDateTime(String(value), format.timeZone);
  }
}

/** Whether a column holds figures (right-aligned on screen). */
export function isNumericReportColumn(kind: ReportCellKind): boolean {
  return kind !== 'text' && kind !== 'month' && kind !== 'datetime';
}

export function formatReportCell<Row>(column: ReportColumn<Row>, row: Row, format: ReportFormat): string {
  return formatReportValue(column.kind, column.value(row), format);
}

/** A table as CSV records: the headers first, then each row as the screen reads it. */
export function reportCsvRecords<Row>(
  columns: readonly ReportColumn<Row>[],
  rows: readonly Row[],
  timeZone: string,
): string[][] {
  const format: ReportFormat = { target: 'csv', timeZone };
  return [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => formatReportCell(c, row, format)))];
}

export const REVIEW_STAGE_LABELS: Record<string, string> = {
  peer_to_peer: 'Peer-to-peer',
  appeal_1: 'First-level appeal',
  appeal_2: 'Second-level appeal',
  external_review: 'External review',
};

export const CLINIC_MISS_LABELS: Record<string, string> = {
  appeal_window_missed: 'Appeal window missed',
  approval_expired_unused: 'Approval expired unused',
};

export const REPORT_TABLES = [
  'summary',
  'decision-times',
  'trend',
  'by-payer',
  'by-cpt',
  'by-physician',
  'by-denial-reason',
  'overturn-by-payer',
  'overturn-by-reason',
  'late-payers',
  'clinic-misses',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
