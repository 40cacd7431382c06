import { TZDate } from '@date-fns/tz';

// A calendar date without a zone, 'YYYY-MM-DD'. Day arithmetic on it is done in UTC so that the
// host's own time zone can never shift a date.
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function getDaysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= getDaysInMonth(year, month);
}

export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`"${String(date)}" is not a YYYY-MM-DD date.`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  // Date.UTC normalises overflow (day 32 → next month), which the callers rely on.
  const date = new Date(Date.UTC(year, month - 1, day));
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDaysToDate(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  return formatLocalDate(year, month, day + days);
}

export function countDaysBetween(from: LocalDate, to: LocalDate): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY);
}

// 0 = Sunday … 6 = Saturday, like Date#getDay.
export function getDayOfWeek(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

// Building an Intl formatter to test a zone is slow, and every deadline computation asks.
const knownTimeZones = new Set<string>();

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  if (knownTimeZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  knownTimeZones.add(timeZone);
  return true;
}

export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`"${String(timeZone)}" is not an IANA time zone.`);
}

export function parseInstant(value: string | null | undefined): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Zone conversions go through Intl and dominate a list of clocks; deadlines repeat (end of a
// local day), so recent answers are kept.
const localDates = new Map<string, LocalDate>();

export function toLocalDate(instant: Date | string, timeZone: string): LocalDate {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) throw new RangeError(`"${String(instant)}" is not a valid instant.`);
  const key = `${time} ${timeZone}`;
  const known = localDates.get(key);
  if (known !== undefined) return known;
  const local = new TZDate(time, timeZone);
  const date = formatLocalDate(local.getFullYear(), local.getMonth() + 1, local.getDate());
  if (localDates.size >= 5000) localDates.clear();
  localDates.set(key, date);
  return date;
}

// The last millisecond of the local day: built from the wall-clock time so a DST change inside
// the period is the zone library's business, never a fixed 24 h step.
const endsOfDay = new Map<string, number>();

export function getEndOfLocalDay(date: LocalDate, timeZone: string): Date {
  const key = `${date} ${timeZone}`;
  const known = endsOfDay.get(key);
  if (known !== undefined) return new Date(known);
  const { year, month, day } = parseLocalDate(date);
  const end = new TZDate(year, month - 1, day, 23, 59, 59, 999, timeZone);
  if (Number.isNaN(end.getTime())) throw new RangeError(`"${timeZone}" is not an IANA time zone.`);
  if (endsOfDay.size >= 5000) endsOfDay.clear();
  endsOfDay.set(key, end.getTime());
  return new Date(end.getTime());
}
