import { scoreText } from '@dudao/metrics';
import type { ChartOption } from './types';

export interface HeatmapTask {
  code: string;
  name: string;
}

export interface HeatmapCounty {
  name: string;
  taskScores: Record<string, number | null>;
}

/** Task scores of each county as the API returns them: tasks down, counties across, the score written in each cell. */
export function taskHeatmapOption(tasks: readonly HeatmapTask[], counties: readonly HeatmapCounty[]): ChartOption {
  const data = counties.flatMap((c, x) =>
    tasks.map((t, y) => [x, y, c.taskScores[t.code] ?? '-'] as [number, number, number | string]),
  );
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 56, outerBoundsMode: 'same' },
    tooltip: {
      position: 'top',
      formatter: (p: unknown) => {
        const [x, y, v] = (p as { value: [number, number, number | string] }).value;
        const task = tasks[y];
        return `${counties[x]?.name ?? ''}<br>${task?.code ?? ''} ${task?.name ?? ''}<br>任务得分 ${typeof v === 'number' ? scoreText(v) : '—（无评分指标）'}`;
      },
    },
    xAxis: {
      type: 'category',
      data: counties.map((c) => c.name),
      // Names wrap within their column (the component keeps each column at least 3.2rem wide) rather than run diagonal.
      axisLabel: { interval: 0, width: 44, overflow: 'break', lineHeight: 13 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: tasks.map((t) => `${t.code} ${t.name}`),
      axisLabel: { width: 150, overflow: 'truncate' },
      splitArea: { show: true },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 100,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: ['100 分', '0 分'],
      inRange: { color: ['#c2410c', '#f6c85f', '#1b7837'] },
    },
    series: [
      {
        type: 'heatmap',
        name: '任务得分',
        data,
        label: {
          show: true,
          fontSize: 10,
          formatter: (p: unknown) => {
            const v = (p as { value: [number, number, number | string] }).value[2];
            return typeof v === 'number' ? scoreText(v) : '—';
          },
        },
        emphasis: { itemStyle: { borderColor: '#1f2328', borderWidth: 1 } },
      },
    ],
  };
}
