import { scoreText } from '@dudao/metrics';
import { escapeHtml } from './escape';
import type { ChartOption } from './types';

export interface MapCounty {
  code: string;
  name: string;
  score: number | null;
  lagging: boolean;
  reasons: string[];
}

export type MapMode = 'score' | 'lagging';

export const scoreBands = [
  { min: 95, label: '95 分及以上', color: '#1b7837' },
  { min: 90, max: 95, label: '90–95 分', color: '#7fbf7b' },
  { min: 80, max: 90, label: '80–90 分', color: '#f6c85f' },
  { max: 80, label: '低于 80 分', color: '#c2410c' },
] as const;

const laggingColor = '#b3261e';
const normalColor = '#c9d6e3';

// Diagonal hatching marks a lagging county in either mode, so it never depends on colour alone.
export const laggingDecal = {
  symbol: 'rect',
  dashArrayX: [1, 0],
  dashArrayY: [3, 5],
  rotation: -Math.PI / 4,
  color: 'rgba(0, 0, 0, 0.45)',
};

export function countyTooltip(c: MapCounty): string {
  const head = `<strong>${escapeHtml(c.name)}</strong><br>综合得分 ${scoreText(c.score)}`;
  if (!c.lagging) return `${head}<br>未列为进展缓慢`;
  return `${head}<br>✕ 进展缓慢：<br>${c.reasons.map((r) => `· ${escapeHtml(r)}`).join('<br>')}`;
}

/** A choropleth of counties; the map was registered with each shape named by its county code. */
export function countyMapOption(
  mapName: string,
  counties: readonly MapCounty[],
  mode: MapMode,
  labels = false,
): ChartOption {
  const byCode = new Map(counties.map((c) => [c.code, c]));
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const c = byCode.get((p as { name: string }).name);
        return c ? countyTooltip(c) : '';
      },
    },
    visualMap: {
      type: 'piecewise',
      left: 0,
      bottom: 0,
      itemSymbol: 'rect',
      pieces:
        mode === 'score'
          ? scoreBands.map((b) => ({ ...b }))
          : [
              { value: 1, label: '进展缓慢（斜线）', color: laggingColor },
              { value: 0, label: '正常', color: normalColor },
            ],
      outOfRange: { color: '#eceff3' },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '100%',
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.8, areaColor: '#eceff3' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#1a5fb4' } },
        // A small county's name would sit on its neighbour's: such labels are dropped (the tooltip still names it).
        labelLayout: { hideOverlap: true },
        label: {
          show: labels,
          fontSize: 11,
          formatter: (p: unknown) => byCode.get((p as { name: string }).name)?.name ?? '',
        },
        data: counties.map((c) => ({
          name: c.code,
          value: mode === 'score' ? (c.score ?? '-') : c.lagging ? 1 : 0,
          ...(c.lagging ? { itemStyle: { decal: laggingDecal } } : {}),
        })),
      },
    ],
  };
}
