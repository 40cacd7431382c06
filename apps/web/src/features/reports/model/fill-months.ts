import type { ReportRange, TrendRow } from '../api/types';

// The API leaves out months without activity; a trend must show them as zeros, not skip them.
export function fillMonths(rows: readonly TrendRow[], range: ReportRange): TrendRow[] {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const filled: TrendRow[] = [];
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
