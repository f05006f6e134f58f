import { describe, expect, test } from 'vitest';
import { countyMapOption, countyTooltip, laggingDecal, type MapCounty } from './county-map';

const huaiyuan: MapCounty = { code: '340321', name: '怀远县', score: 91.58, lagging: false, reasons: [] };
const jiujiang: MapCounty = {
  code: '340207',
  name: '鸠江区',
  score: 64.56,
  lagging: true,
  reasons: ['协理员配备率 75.8%，低于截止日要求的 100%', '综合得分 64.6，低于 80 分'],
};
const zone: MapCounty = { code: '340371', name: '蚌埠市高新技术开发区', score: null, lagging: false, reasons: [] };

function mapSeries(mode: 'score' | 'lagging') {
  const option = countyMapOption('anhui', [huaiyuan, jiujiang, zone], mode);
  return (
    option.series as {
      type: string;
      map: string;
      data: { name: string; value: number | string; itemStyle?: unknown }[];
    }[]
  )[0]!;
}

describe('countyMapOption', () => {
  test('one map series on the registered map, one data item per county named by its code', () => {
    const series = mapSeries('score');
    expect(series.type).toBe('map');
    expect(series.map).toBe('anhui');
    expect(series.data.map((d) => d.name)).toEqual(['340321', '340207', '340371']);
  });

  test('by score, each county carries its composite score; a county without one is a gap', () => {
    expect(mapSeries('score').data.map((d) => d.value)).toEqual([91.58, 64.56, '-']);
  });

  test('by lagging, a lagging county is 1 and the others 0', () => {
    expect(mapSeries('lagging').data.map((d) => d.value)).toEqual([0, 1, 0]);
  });

  test('a lagging county is hatched in both modes, the others are not', () => {
    for (const mode of ['score', 'lagging'] as const) {
      expect(mapSeries(mode).data.map((d) => d.itemStyle)).toEqual([undefined, { decal: laggingDecal }, undefined]);
    }
  });

  test('the legend names the score bands in words', () => {
    const option = countyMapOption('anhui', [huaiyuan], 'score');
    expect((option.visualMap as { pieces: { label: string }[] }).pieces.map((p) => p.label)).toEqual([
      '95 分及以上',
      '90–95 分',
      '80–90 分',
      '低于 80 分',
    ]);
  });
});

describe('countyTooltip', () => {
  // 64.56 shows 64.6 (half up); the reason sentences arrive from the API as they are
  test('a lagging county shows its score rounded and each reason', () => {
    expect(countyTooltip(jiujiang)).toBe(
      '<strong>鸠江区</strong><br>综合得分 64.6<br>✕ 进展缓慢：<br>· 协理员配备率 75.8%，低于截止日要求的 100%<br>· 综合得分 64.6，低于 80 分',
    );
  });

  test('a county without a score says so with a dash', () => {
    expect(countyTooltip(zone)).toBe('<strong>蚌埠市高新技术开发区</strong><br>综合得分 —<br>未列为进展缓慢');
  });

  test('names are escaped', () => {
    expect(countyTooltip({ ...huaiyuan, name: '<b>县' })).toContain('&lt;b&gt;县');
  });
});
