import { describe, expect, test } from 'vitest';
import { rankingBarOption } from './ranking-bar';

const ranked = [
  { name: '怀远县', value: 91.5 },
  { name: '固镇县', value: 84 },
  { name: '五河县', value: 72.25 },
];

describe('rankingBarOption', () => {
  test('rank 1 is drawn on top: categories in the given order on an inverted axis', () => {
    const option = rankingBarOption(ranked, { unit: '分' });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['怀远县', '固镇县', '五河县'] });
  });

  test('bar values follow the rows one to one', () => {
    const option = rankingBarOption(ranked, { unit: '分' });
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', data: [91.5, 84, 72.25] })]);
  });

  test('a unit without a figure is a gap, not a zero bar', () => {
    const option = rankingBarOption(
      [
        { name: '蚌埠经济开发区', value: null },
        { name: '禹会区', value: 0 },
      ],
      { unit: '分' },
    );
    expect(option.series).toEqual([expect.objectContaining({ data: ['-', 0] })]);
  });

  test('the value axis carries the unit and an optional fixed maximum', () => {
    expect(rankingBarOption(ranked, { unit: '分', max: 100 }).xAxis).toMatchObject({
      type: 'value',
      name: '分',
      max: 100,
    });
    expect(rankingBarOption(ranked, { unit: '个' }).xAxis).toMatchObject({ name: '个', max: undefined });
  });

  test('labels can be written by a formatter, e.g. scores truncated to one decimal', () => {
    const option = rankingBarOption(ranked, { unit: '分', format: (v) => v.toFixed(0) });
    const series = (option.series as { label: { formatter: (p: unknown) => string } }[])[0]!;
    expect(series.label.formatter({ value: 72.25 })).toBe('72');
  });

  test('an empty ranking gives an empty chart', () => {
    const option = rankingBarOption([], { unit: '分' });
    expect(option.yAxis).toMatchObject({ data: [] });
    expect(option.series).toEqual([expect.objectContaining({ data: [] })]);
  });
});
