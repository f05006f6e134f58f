import { afterEach, describe, expect, test } from 'vitest';
import { isWorkday } from 'chinese-days';
import { addDays } from '@dudao/schema/campaign';
import { defaultDeadline, isWorkingDay, workingDaysBetween } from './working-days';

describe('workingDaysBetween', () => {
  test.each([
    // single days: from the day before, so only the decision day can count
    ['2021-09-17', '2021-09-18', 1], // Sat 09-18 was a make-up working day (中秋调休)
    ['2021-09-25', '2021-09-26', 1], // Sun 09-26 was a make-up working day (国庆调休)
    ['2021-10-08', '2021-10-09', 1], // Sat 10-09 was a make-up working day (国庆调休)
    ['2021-09-19', '2021-09-20', 0], // Mon 09-20 was 中秋 holiday
    ['2021-10-02', '2021-10-03', 0], // National Day holiday
    ['2021-10-06', '2021-10-07', 0], // National Day holiday, a Thursday
    ['2021-09-04', '2021-09-05', 0], // an ordinary Sunday
    ['2021-09-13', '2021-09-13', 0], // decided the day it was applied for
    // Mon 09-06 → Fri 09-10: Tue..Fri = 4
    ['2021-09-06', '2021-09-10', 4],
    // 09-30 → 10-11: 10-01..07 holiday, Fri 10-08, Sat 10-09 make-up, Sun 10-10 off, Mon 10-11 → 3
    ['2021-09-30', '2021-10-11', 3],
    // 09-17 → 09-30: 18 Sat(work), 19-21 holiday, 22 23 24, 25 Sat off, 26 Sun(work), 27 28 29 30 → 1+3+1+4 = 9
    ['2021-09-17', '2021-09-30', 9],
    // 07-01 (Thu) → 07-30 (Fri): Jul 2..30 has 21 weekdays, no holidays → 21
    ['2021-07-01', '2021-07-30', 21],
  ])('applied %s, decided %s → %i working days', (appliedOn, decidedOn, expected) => {
    expect(workingDaysBetween(appliedOn, decidedOn)).toBe(expected);
  });

  test.each([
    ['2030-01-02', '2030-01-10'],
    ['2026-12-20', '2027-01-05'],
    ['2003-12-20', '2004-01-05'],
  ])('fails loudly outside the calendar data: %s → %s', (appliedOn, decidedOn) => {
    expect(() => workingDaysBetween(appliedOn, decidedOn)).toThrow(/日历不含/);
  });

  test('refuses a decision before the application', () => {
    expect(() => workingDaysBetween('2021-09-10', '2021-09-09')).toThrow(/早于/);
  });

  // chinese-days' own functions are only right when loaded at or east of UTC (their tables are built in local time).
  test.skipIf(new Date(2021, 0, 1).getTimezoneOffset() > 0)(
    'agrees with chinese-days isWorkday on every day of 2020–2022',
    () => {
      const disagreements: string[] = [];
      for (let date = '2020-01-01'; date <= '2022-12-31'; date = addDays(date, 1)) {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        if (isWorkingDay(date) !== isWorkday(new Date(y, m - 1, d))) disagreements.push(date);
      }
      expect(disagreements).toEqual([]);
    },
  );

  describe('west of UTC', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    test('the count does not depend on the server time zone', () => {
      process.env.TZ = 'America/Los_Angeles';
      expect(workingDaysBetween('2021-09-30', '2021-10-11')).toBe(3);
      expect(workingDaysBetween('2021-09-17', '2021-09-18')).toBe(1);
    });
  });
});

describe('defaultDeadline (two weeks after issue, on a working day inside the campaign)', () => {
  test.each([
    ['2021-11-20', '2021-12-06'], // 11-20 + 14 = Sat 12-04 → Mon 12-06
    ['2021-11-22', '2021-12-06'], // Mon 12-06 itself
    ['2021-09-17', '2021-10-08'], // 10-01 is 国庆 → Fri 10-08 after the holiday (10-09 Sat is a make-up day, later)
    ['2021-12-20', '2021-12-31'], // 01-03 would pass the campaign's end: its last day, Fri 12-31
  ])('issued %s → %s', (issuedOn, expected) => {
    expect(defaultDeadline(issuedOn, 14, '2021-12-31')).toBe(expected);
  });

  test('an end on a Sunday falls back to the Friday before', () => {
    expect(defaultDeadline('2021-12-20', 14, '2021-12-26')).toBe('2021-12-24');
  });
});
