import { figure } from '@dudao/metrics';
import type { TrendPoint } from '$lib/trend';
import type { ChartOption } from './types';

/** An indicator over the days it was judged on: the figure as a solid line, the 序时进度 (when there is one) dashed. */
export function trendLineOption(points: readonly TrendPoint[], kind: string): ChartOption {
  const show = (v: unknown) => (typeof v === 'number' ? figure(v, kind) : '—');
  const hasExpected = points.some((p) => p.expected !== null);
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0, left: 0 },
    tooltip: { trigger: 'axis', valueFormatter: show },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => p.on.slice(5)) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: show },
      ...(kind === 'ratio' ? { max: (e: { max: number }) => Math.max(1, e.max) } : {}),
    },
    series: [
      { type: 'line', name: '实际值', connectNulls: false, symbolSize: 7, data: points.map((p) => p.value ?? '-') },
      ...(hasExpected
        ? [
            {
              type: 'line' as const,
              name: '序时进度',
              symbol: 'triangle',
              symbolSize: 7,
              lineStyle: { type: 'dashed' as const },
              data: points.map((p) => p.expected ?? '-'),
            },
          ]
        : []),
    ],
  };
}
