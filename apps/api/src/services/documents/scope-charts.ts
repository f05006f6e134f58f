import type { RollupFigure } from '@dudao/metrics';
import { barChart } from './charts';
import type { Chart } from './content';

type Shares = Record<string, Pick<RollupFigure, 'value'> | undefined>;

/** Composite scores, best first, with the low-score line. */
export function scoreChart(caption: string, names: string[], scores: (number | null)[], lowScore: number): Chart {
  return barChart({
    caption,
    categories: names,
    series: [{ name: '综合得分', values: scores, color: '#3b6fb6' }],
    yMax: 100,
    yName: '分',
    markLine: { value: lowScore, label: `${lowScore}分` },
  });
}

const coverageSeries = [
  { code: 't10_coordinator_coverage', name: '协理员配备率', color: '#3b6fb6' },
  { code: 't10_station_coverage', name: '服务站（点）建成率', color: '#e0a030' },
  { code: 't10_civil_affairs_coverage', name: '民政工作负责人明确率', color: '#4b9a5f' },
];

/** The three village coverages of T10 side by side, in percent. */
export function coverageChart(caption: string, names: string[], figures: Shares[]): Chart {
  return barChart({
    caption,
    categories: names,
    series: coverageSeries.map((s) => ({ name: s.name, color: s.color, values: figures.map((f) => (f[s.code]?.value == null ? null : f[s.code]!.value! * 100)) })),
    yMax: 100,
    yName: '%',
  });
}
