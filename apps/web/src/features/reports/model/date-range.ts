import { todayInClinic } from '../../../ui/format';
import type { ReportRange } from '../api/types';

export type RangePreset = 'this_month' | 'last_quarter' | 'this_year' | 'last_12_months';

export const RANGE_PRESETS: readonly { value: RangePreset; label: string }[] = [
  { value: 'this_month', label: 'This month' },
  { value: 'last_quarter', label: 'Last quarter' },
  { value: 'this_year', label: 'This year' },
  { value: 'last_12_months', label: 'Last 12 months' },
];

export const DEFAULT_PRESET: RangePreset = 'last_12_months';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}

// Calendar arithmetic on YYYY-MM-DD in UTC: a calendar day has no zone, so no DST shifts.
function toCalendarDate(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month - 1, day];
}

// "Today" is the clinic's today (America/New_York), whatever the browser's zone.
export function presetRange(preset: RangePreset, today = todayInClinic()): ReportRange {
  const [year, month, day] = parts(today);
  switch (preset) {
    case 'this_month':
      return { from: toCalendarDate(year, month, 1), to: today };
    case 'last_quarter': {
      const quarterStart = month - (month % 3);
      return { from: toCalendarDate(year, quarterStart - 3, 1), to: toCalendarDate(year, quarterStart, 0) };
    }
    case 'this_year':
      return { from: toCalendarDate(year, 0, 1), to: today };
    case 'last_12_months':
      return { from: toCalendarDate(year - 1, month, day + 1), to: today };
  }
}

export function matchingPreset(range: ReportRange, today = todayInClinic()): RangePreset | null {
  return (
    RANGE_PRESETS.find(({ value }) => {
      const candidate = presetRange(value, today);
      return candidate.from === range.from && candidate.to === range.to;
    })?.value ?? null
  );
}

export interface RangeErrors {
  from?: string;
  to?: string;
}

export function validateRange(range: ReportRange): RangeErrors {
  const errors: RangeErrors = {};
  if (!range.from) errors.from = 'Enter a start date';
  else if (!isCalendarDate(range.from)) errors.from = 'Enter a date as YYYY-MM-DD';
  if (!range.to) errors.to = 'Enter an end date';
  else if (!isCalendarDate(range.to)) errors.to = 'Enter a date as YYYY-MM-DD';
  if (!errors.from && !errors.to && range.from > range.to) errors.to = 'The end date must not be before the start date';
  return errors;
}

export function isValidRange(range: ReportRange): boolean {
  return Object.keys(validateRange(range)).length === 0;
}
