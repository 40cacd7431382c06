import {
  formatReportCell,
  formatReportCount,
  formatReportDays,
  formatReportDuration,
  formatReportMonth,
  formatReportShare,
  reportPlural,
  type ReportColumn,
} from '@preauth/domain';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';

// The reports' wording is libs/domain's (report-tables.ts), which the CSV exports use too; these
// are its screen forms, for the charts' labels and the tiles.
export const formatShare = formatReportShare;
export const formatCount = (count: number | null | undefined) => formatReportCount(count);
export const formatDuration = formatReportDuration;
export const formatDays = formatReportDays;
export const formatMonth = formatReportMonth;
export const plural = (count: number, one: string, many: string) => reportPlural(count, one, many);

/** A report cell as the screen shows it, dates in the clinic's zone. */
export function screenCell<Row>(column: ReportColumn<Row>, row: Row): string {
  return formatReportCell(column, row, { target: 'screen', timeZone: CLINIC_TIME_ZONE });
}
