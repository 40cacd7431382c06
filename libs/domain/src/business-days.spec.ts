import {
  addMonthsDolRule,
  isBusinessDay,
  isUsFederalHoliday,
  isWeekend,
  listUsFederalHolidays,
  nextBusinessDay,
  rollForwardToBusinessDay,
} from './business-days';

describe('addMonthsDolRule', () => {
  it.each([
    // DOL Technical Release 2010-01's own example.
    ['2025-10-30', 4, '2026-03-01'],
    ['2025-10-31', 4, '2026-03-01'],
    ['2025-10-28', 4, '2026-02-28'],
    ['2025-08-31', 4, '2025-12-31'],
    ['2026-01-31', 1, '2026-03-01'],
    ['2026-01-30', 1, '2026-03-01'],
    ['2026-01-28', 1, '2026-02-28'],
    ['2028-01-29', 1, '2028-02-29'],
    ['2028-01-30', 1, '2028-03-01'],
    ['2027-10-29', 4, '2028-02-29'],
    ['2026-10-29', 4, '2027-03-01'],
    ['2028-02-29', 12, '2029-03-01'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-03-31', 1, '2026-05-01'],
    ['2026-05-31', 4, '2026-10-01'],
    ['2026-06-30', 4, '2026-10-30'],
    ['2026-09-15', 4, '2027-01-15'],
    ['2026-12-31', 2, '2027-03-01'],
    ['2026-11-30', 3, '2027-03-01'],
    ['2026-03-15', 0, '2026-03-15'],
    ['2026-03-15', 12, '2027-03-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonthsDolRule(date, months)).toBe(expected);
  });

  it.each([
    ['2026-02-30', 1],
    ['2026-1-5', 1],
    ['2026-01-05', -1],
    ['2026-01-05', 1.5],
  ])('rejects %s + %s', (date, months) => {
    expect(() => addMonthsDolRule(date, months)).toThrow(RangeError);
  });
});

describe('listUsFederalHolidays', () => {
  // OPM's published schedules.
  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-01-20',
        '2025-02-17',
        '2025-05-26',
        '2025-06-19',
        '2025-07-04',
        '2025-09-01',
        '2025-10-13',
        '2025-11-11',
        '2025-11-27',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-01-18',
        '2027-02-15',
        '2027-05-31',
        '2027-06-18',
        '2027-07-05',
        '2027-09-06',
        '2027-10-11',
        '2027-11-11',
        '2027-11-25',
        '2027-12-24',
      ],
    ],
  ])('observes the right days in %i', (year, observed) => {
    const holidays = listUsFederalHolidays(year);
    expect(holidays.map((holiday) => holiday.observed)).toEqual(observed);
    expect(holidays).toHaveLength(11);
  });

  it('has no Juneteenth before 2021', () => {
    expect(listUsFederalHolidays(2020).map((holiday) => holiday.name)).not.toContain(
      'Juneteenth National Independence Day',
    );
    expect(listUsFederalHolidays(2020)).toHaveLength(10);
  });
});

describe('isUsFederalHoliday', () => {
  it.each([
    ['2026-07-04', true], // Independence Day itself (a Saturday)
    ['2026-07-03', true], // observed on the Friday
    ['2027-07-04', true], // Sunday
    ['2027-07-05', true], // observed on the Monday
    ['2027-12-31', true], // New Year's Day 2028 is a Saturday, observed the Friday before
    ['2028-01-01', true],
    ['2026-11-26', true], // Thanksgiving
    ['2026-11-27', false], // the Friday after is not a federal holiday
    ['2026-01-19', true], // MLK Day
    ['2026-01-12', false],
    ['2026-05-25', true], // last Monday of May
    ['2026-05-18', false],
    ['2026-10-12', true], // Columbus Day
    ['2026-11-11', true], // Veterans Day on a Wednesday
    ['2026-12-24', false],
    ['2026-06-19', true],
    ['2020-06-19', false],
    ['2026-03-02', false],
  ])('%s → %s', (date, expected) => {
    expect(isUsFederalHoliday(date)).toBe(expected);
  });
});

describe('business days', () => {
  it.each([
    ['2026-03-07', true], // Saturday
    ['2026-03-08', true], // Sunday
    ['2026-03-09', false],
    ['2026-03-13', false], // Friday
  ])('isWeekend(%s) = %s', (date, expected) => {
    expect(isWeekend(date)).toBe(expected);
  });

  it.each([
    ['2026-03-09', true],
    ['2026-03-07', false],
    ['2026-07-03', false],
    ['2026-12-25', false],
    ['2026-11-27', true],
  ])('isBusinessDay(%s) = %s', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it.each([
    ['2026-03-06', '2026-03-09'], // Friday → Monday
    ['2026-03-09', '2026-03-10'], // always strictly after
    ['2026-07-02', '2026-07-06'], // Thu → skip observed Fri, Sat, Sun
    ['2027-12-23', '2027-12-27'], // Christmas observed Fri 24th, then weekend
    ['2027-12-30', '2028-01-03'], // New Year observed Fri 31st, then weekend
    ['2026-01-16', '2026-01-20'], // Friday before MLK Day
  ])('nextBusinessDay(%s) = %s', (date, expected) => {
    expect(nextBusinessDay(date)).toBe(expected);
  });

  it.each([
    ['2026-03-09', '2026-03-09'],
    ['2026-03-07', '2026-03-09'],
    ['2026-07-04', '2026-07-06'],
    ['2025-07-04', '2025-07-07'],
    ['2026-03-01', '2026-03-02'],
  ])('rollForwardToBusinessDay(%s) = %s', (date, expected) => {
    expect(rollForwardToBusinessDay(date)).toBe(expected);
  });
});
