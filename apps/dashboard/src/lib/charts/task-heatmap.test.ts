import { describe, expect, test } from 'vitest';
import { taskHeatmapOption } from './task-heatmap';

const tasks = [
  { code: 'T01', name: '建立健全分层分类救助体系' },
  { code: 'T02', name: '做好社会救助兜底保障工作' },
];
const counties = [
  { name: '怀远县', taskScores: { T01: 100, T02: 45 } },
  { name: '五河县', taskScores: { T01: null, T02: 87.5 } },
];

describe('taskHeatmapOption', () => {
  const option = taskHeatmapOption(tasks, counties);
  const series = (
    option.series as { type: string; data: unknown[]; label: { formatter: (p: unknown) => string } }[]
  )[0]!;

  test('counties across, tasks down, each labelled with its code and name', () => {
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['怀远县', '五河县'] });
    expect(option.yAxis).toMatchObject({
      type: 'category',
      data: ['T01 建立健全分层分类救助体系', 'T02 做好社会救助兜底保障工作'],
    });
  });

  test('one cell per county and task holding the API’s task score; an unscored task is a gap', () => {
    expect(series.type).toBe('heatmap');
    expect(series.data).toEqual([
      [0, 0, 100],
      [0, 1, 45],
      [1, 0, '-'],
      [1, 1, 87.5],
    ]);
  });

  test('each cell writes its score, so the colour is never the only cue', () => {
    expect(series.label.formatter({ value: [1, 1, 87.56] })).toBe('87.6');
    expect(series.label.formatter({ value: [1, 0, '-'] })).toBe('—');
  });

  test('the colour scale spans 0 to 100 points', () => {
    expect(option.visualMap).toMatchObject({ type: 'continuous', min: 0, max: 100 });
  });
});
