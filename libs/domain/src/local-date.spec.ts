import {
  addDaysToDate,
  countDaysBetween,
  getDayOfWeek,
  getEndOfLocalDay,
  isIsoDate,
  isValidTimeZone,
  parseInstant,
  toLocalDate,
} from './local-date';

describe('local dates', () => {
  it.each([
    ['2026-03-15', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-3-15', false],
    ['2026-03-15T00:00:00Z', false],
    ['', false],
    [null, false],
  ])('isIsoDate(%j) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2026-03-07', 7, '2026-03-14'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-15', 180, '2026-07-14'],
  ])('addDaysToDate(%s, %i) = %s', (date, days, expected) => {
    expect(addDaysToDate(date, days)).toBe(expected);
    expect(countDaysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['2026-03-07', 6],
    ['2026-03-08', 0],
    ['2026-07-04', 6],
    ['2028-02-29', 2],
  ])('getDayOfWeek(%s) = %i', (date, weekday) => {
    expect(getDayOfWeek(date)).toBe(weekday);
  });

  it.each([
    ['2026-03-08T04:30:00.000Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:30:00.000Z', 'America/New_York', '2026-03-08'],
    ['2026-03-07T15:00:00.000Z', 'Asia/Tokyo', '2026-03-08'],
    ['2026-03-07T15:00:00.000Z', 'UTC', '2026-03-07'],
  ])('toLocalDate(%s, %s) = %s', (instant, timeZone, expected) => {
    expect(toLocalDate(instant, timeZone)).toBe(expected);
    expect(toLocalDate(new Date(instant), timeZone)).toBe(expected);
  });

  it.each([
    ['2026-03-07', 'America/New_York', '2026-03-08T04:59:59.999Z'],
    ['2026-03-08', 'America/New_York', '2026-03-09T03:59:59.999Z'],
    ['2026-11-01', 'America/New_York', '2026-11-02T04:59:59.999Z'],
    ['2026-06-30', 'Europe/Paris', '2026-06-30T21:59:59.999Z'],
    ['2026-06-30', 'UTC', '2026-06-30T23:59:59.999Z'],
  ])('getEndOfLocalDay(%s, %s) = %s', (date, timeZone, expected) => {
    expect(getEndOfLocalDay(date, timeZone).toISOString()).toBe(expected);
  });

  it.each([
    ['America/New_York', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isValidTimeZone(%j) = %s', (timeZone, expected) => {
    expect(isValidTimeZone(timeZone)).toBe(expected);
  });

  it.each([
    ['2026-03-07T15:00:00.000Z', '2026-03-07T15:00:00.000Z'],
    ['2026-03-07T10:00:00-05:00', '2026-03-07T15:00:00.000Z'],
    ['not a date', null],
    ['', null],
    [null, null],
  ])('parseInstant(%j) = %s', (value, expected) => {
    expect(parseInstant(value)?.toISOString() ?? null).toBe(expected);
  });

  it('refuses malformed input', () => {
    expect(() => addDaysToDate('2026-02-30', 1)).toThrow(RangeError);
    expect(() => toLocalDate('soon', 'UTC')).toThrow(RangeError);
    expect(() => getEndOfLocalDay('2026-03-07', 'Mars/Olympus')).toThrow(RangeError);
  });
});
