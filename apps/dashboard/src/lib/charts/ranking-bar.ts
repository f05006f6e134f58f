import type { ChartOption } from './types';

export interface RankedBar {
  name: string;
  /** null when the unit has no figure (e.g. nothing scored yet); drawn as a gap, never as zero. */
  value: number | null;
}

export interface RankingBarSettings {
  unit: string;
  max?: number;
  color?: string;
  /** How a bar's label writes its value; plain by default. */
  format?: (value: number) => string;
}

/** Horizontal bars in the order given (rank 1 on top); ranking itself is the metrics package's job. */
export function rankingBarOption(rows: readonly RankedBar[], settings: RankingBarSettings): ChartOption {
  return {
    grid: { left: 8, right: 48, top: 28, bottom: 8, outerBoundsMode: 'same' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: settings.unit, max: settings.max, splitNumber: 4 },
    yAxis: { type: 'category', inverse: true, axisTick: { show: false }, data: rows.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        name: settings.unit,
        barMaxWidth: 18,
        itemStyle: { color: settings.color ?? '#b3261e' },
        label: {
          show: true,
          position: 'right',
          ...(settings.format ? { formatter: (p: unknown) => settings.format!((p as { value: number }).value) } : {}),
        },
        data: rows.map((r) => r.value ?? '-'),
      },
    ],
  };
}
