import { describe, expect, test } from 'vitest';
import { trendLineOption } from './trend-line';

const points = [
  { on: '2021-07-31', value: 0.5, expected: 0.15, status: 'green' },
  { on: '2021-08-31', value: null, expected: 0.46, status: 'missing' },
  { on: '2021-09-30', value: 0.8, expected: 0.76, status: 'green' },
];

describe('trendLineOption', () => {
  test('one category per judged day, shown as month-day', () => {
    expect(trendLineOption(points, 'ratio').xAxis).toMatchObject({
      type: 'category',
      data: ['07-31', '08-31', '09-30'],
    });
  });

  test('the figure and the 序时进度 are two lines; a missing figure is a gap', () => {
    const series = trendLineOption(points, 'ratio').series as { name: string; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual(['实际值', '序时进度']);
    expect(series[0]!.data).toEqual([0.5, '-', 0.8]);
    expect(series[1]!.data).toEqual([0.15, 0.46, 0.76]);
  });

  test('an indicator without a 序时进度 draws only its figure', () => {
    const counts = [{ on: '2021-07-31', value: 120, expected: null, status: null }];
    expect((trendLineOption(counts, 'count').series as unknown[]).length).toBe(1);
  });

  test('ratios are labelled as percentages', () => {
    const axis = trendLineOption(points, 'ratio').yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(axis.axisLabel.formatter(0.5)).toBe('50%');
  });
});
