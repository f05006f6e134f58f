import { describe, expect, test } from 'vitest';
import { beijingDate, endOfBeijingDay, periodDue, periodEnd, previousPeriod } from './calendar';

describe('calendar', () => {
  test.each([
    ['2021-07', '2021-07-31', '2021-08-05'],
    ['2021-09', '2021-09-30', '2021-10-05'],
    ['2021-12', '2021-12-31', '2022-01-05'],
  ])('period %s ends %s and is due %s', (period, end, due) => {
    expect(periodEnd(period)).toBe(end);
    expect(periodDue(period, 5)).toBe(due);
  });

  test('the end of a Beijing day is 16:00 UTC of that date', () => {
    expect(endOfBeijingDay('2021-10-31')).toBe('2021-10-31T16:00:00.000Z');
  });

  test('23:59 Beijing belongs to that day, 00:00 to the next', () => {
    expect(beijingDate('2021-10-31T23:59:59+08:00')).toBe('2021-10-31');
    expect(beijingDate('2021-11-01T00:00:00+08:00')).toBe('2021-11-01');
  });

  test('previous period crosses the year', () => {
    expect(previousPeriod('2022-01')).toBe('2021-12');
  });
});
