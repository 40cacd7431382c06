import {
  addDaysToDate,
  formatLocalDate,
  getDayOfWeek,
  getDaysInMonth,
  parseLocalDate,
  type LocalDate,
} from './local-date';

export interface UsFederalHoliday {
  name: string;
  date: LocalDate;
  // The weekday federal offices close instead when the date falls on a weekend (5 U.S.C. 6103).
  observed: LocalDate;
}

function getNthWeekday(year: number, month: number, weekday: number, n: number): LocalDate {
  const first = getDayOfWeek(formatLocalDate(year, month, 1));
  return formatLocalDate(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
}

function getLastWeekday(year: number, month: number, weekday: number): LocalDate {
  const lastDay = getDaysInMonth(year, month);
  const last = getDayOfWeek(formatLocalDate(year, month, lastDay));
  return formatLocalDate(year, month, lastDay - ((last - weekday + 7) % 7));
}

function observe(date: LocalDate): LocalDate {
  const weekday = getDayOfWeek(date);
  if (weekday === 6) return addDaysToDate(date, -1);
  if (weekday === 0) return addDaysToDate(date, 1);
  return date;
}

const MONDAY = 1;
const THURSDAY = 4;

export function listUsFederalHolidays(year: number): UsFederalHoliday[] {
  const fixed = (name: string, month: number, day: number): UsFederalHoliday => {
    const date = formatLocalDate(year, month, day);
    return { name, date, observed: observe(date) };
  };
  const floating = (name: string, date: LocalDate): UsFederalHoliday => ({ name, date, observed: date });
  const holidays: UsFederalHoliday[] = [
    fixed("New Year's Day", 1, 1),
    floating('Birthday of Martin Luther King, Jr.', getNthWeekday(year, 1, MONDAY, 3)),
    floating("Washington's Birthday", getNthWeekday(year, 2, MONDAY, 3)),
    floating('Memorial Day', getLastWeekday(year, 5, MONDAY)),
    fixed('Juneteenth National Independence Day', 6, 19),
    fixed('Independence Day', 7, 4),
    floating('Labor Day', getNthWeekday(year, 9, MONDAY, 1)),
    floating('Columbus Day', getNthWeekday(year, 10, MONDAY, 2)),
    fixed('Veterans Day', 11, 11),
    floating('Thanksgiving Day', getNthWeekday(year, 11, THURSDAY, 4)),
    fixed('Christmas Day', 12, 25),
  ];
  // Juneteenth became a federal holiday in 2021.
  return year >= 2021 ? holidays : holidays.filter((holiday) => !holiday.name.startsWith('Juneteenth'));
}

export function isUsFederalHoliday(date: LocalDate): boolean {
  const { year } = parseLocalDate(date);
  // New Year's Day on a Saturday is observed on December 31 of the year before.
  return [year, year + 1]
    .flatMap(listUsFederalHolidays)
    .some((holiday) => holiday.date === date || holiday.observed === date);
}

export function isWeekend(date: LocalDate): boolean {
  const weekday = getDayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

export function isBusinessDay(date: LocalDate): boolean {
  return !isWeekend(date) && !isUsFederalHoliday(date);
}

// Strictly after `date`.
export function nextBusinessDay(date: LocalDate): LocalDate {
  let candidate = addDaysToDate(date, 1);
  while (!isBusinessDay(candidate)) candidate = addDaysToDate(candidate, 1);
  return candidate;
}

// `date` itself when it is a business day, else the next one.
export function rollForwardToBusinessDay(date: LocalDate): LocalDate {
  return isBusinessDay(date) ? date : nextBusinessDay(date);
}

// DOL Technical Release 2010-01: "four months after" a notice dated on a day the target month
// lacks (October 30 → February 30) means the first day of the month after (March 1).
export function addMonthsDolRule(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`Months must be a non-negative integer, got ${months}.`);
  }
  const { year, month, day } = parseLocalDate(date);
  const monthIndex = month - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  if (day > getDaysInMonth(targetYear, targetMonth)) return formatLocalDate(targetYear, targetMonth + 1, 1);
  return formatLocalDate(targetYear, targetMonth, day);
}
