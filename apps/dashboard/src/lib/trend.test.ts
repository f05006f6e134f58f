import { describe, expect, test } from 'vitest';
import { trendDays, trendPoints } from './trend';

const periods = ['2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12'];

describe('trendDays', () => {
  test('at the end of January: every month end, then the day itself', () => {
    expect(trendDays(periods, '2022-01-31')).toEqual([
      '2021-07-31',
      '2021-08-31',
      '2021-09-30',
      '2021-10-31',
      '2021-11-30',
      '2021-12-31',
      '2022-01-31',
    ]);
  });

  test('in mid-September: July and August ends, then the day', () => {
    expect(trendDays(periods, '2021-09-15')).toEqual(['2021-07-31', '2021-08-31', '2021-09-15']);
  });

  test('on a month end the day is not asked twice', () => {
    expect(trendDays(periods, '2021-08-31')).toEqual(['2021-07-31', '2021-08-31']);
  });
});

describe('trendPoints', () => {
  test('a report figure is placed on the last day of its period; repeated readings collapse to one point', () => {
    const samples = [
      { judgedOn: '2021-07-31', value: null, expected: null, status: 'pending' },
      { judgedOn: '2021-07-31', value: 0.5, expected: 0.15, status: 'green' },
      { judgedOn: '2021-08-31', value: 0.6, expected: 0.46, status: 'green' },
      { judgedOn: '2021-08-31', value: 0.6, expected: 0.46, status: 'green' },
    ];
    expect(trendPoints(samples)).toEqual([
      { on: '2021-07-31', value: 0.5, expected: 0.15, status: 'green' },
      { on: '2021-08-31', value: 0.6, expected: 0.46, status: 'green' },
    ]);
  });

  test('a missing figure stays as a gap with its status', () => {
    expect(trendPoints([{ judgedOn: '2021-09-30', value: null, expected: 0.7, status: 'missing' }])).toEqual([
      { on: '2021-09-30', value: null, expected: 0.7, status: 'missing' },
    ]);
  });
});
