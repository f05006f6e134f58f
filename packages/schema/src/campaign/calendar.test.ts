import { describe, expect, test } from 'vitest';
import {
  beijingDate,
  cadenceWord,
  endOfBeijingDay,
  periodDue,
  periodEnd,
  periodLabel,
  periodStart,
  previousPeriod,
} from './calendar';

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
    expect(previousPeriod('2022-Q1')).toBe('2021-Q4');
    expect(previousPeriod('2022-Q3')).toBe('2022-Q2');
  });

  // Q1 ends on 03-31 (31 + 28 + 31 days from 01-01); due 10 days later is 04-10. Q4 ends on the year's last day.
  test.each([
    ['2022-Q1', '2022-01-01', '2022-03-31', '2022-04-10'],
    ['2022-Q2', '2022-04-01', '2022-06-30', '2022-07-10'],
    ['2022-Q4', '2022-10-01', '2022-12-31', '2023-01-10'],
  ])('quarter %s runs %s to %s and is due %s', (period, start, end, due) => {
    expect(periodStart(period)).toBe(start);
    expect(periodEnd(period)).toBe(end);
    expect(periodDue(period, 10)).toBe(due);
  });

  test('a period is named for pages in one way: month or quarter', () => {
    expect(periodLabel('2021-11')).toBe('2021年11月');
    expect(periodLabel('2021-07')).toBe('2021年7月');
    expect(periodLabel('2022-Q1')).toBe('2022年第一季度');
    expect(periodLabel('2022-Q4')).toBe('2022年第四季度');
    expect(cadenceWord(['2021-07', '2021-08'])).toBe('月度');
    expect(cadenceWord(['2022-Q1'])).toBe('季度');
  });
});
