import type { ReportRange, ReportTable } from './types';

// The export is a plain same-origin GET: an <a download> sends the session cookie, and the
// browser saves the file under the name the API's Content-Disposition gives it.
export function reportExportUrl(table: ReportTable, range: ReportRange): string {
  const query = new URLSearchParams({ table, from: range.from, to: range.to });
  return `/api/reports/export?${query.toString()}`;
}
