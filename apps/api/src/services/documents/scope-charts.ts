import { barChart, type Bar } from './charts';
import type { Chart } from './content';
import { percentText, scoreText } from './format';

type Shares = Record<string, { value: number | null; denominator?: number | null } | undefined>;

/** Composite scores, best first, with the low-score line; a county not yet scored has no bar of 0. */
export function scoreChart(caption: string, names: string[], scores: (number | null)[], lowScore: number): Chart {
  return barChart({
    caption,
    categories: names,
    series: [{ name: '综合得分', bars: scores.map((s): Bar => (s === null ? 'missing' : { value: s, label: scoreText(s) })), color: '#3b6fb6' }],
    yMax: 100,
    yName: '得分（分）',
    markLine: { value: lowScore, label: `${lowScore}分` },
  });
}

const coverageSeries = [
  { code: 't10_coordinator_coverage', name: '协理员配备率', color: '#3b6fb6' },
  { code: 't10_station_coverage', name: '服务站（点）建成率', color: '#e0a030' },
  { code: 't10_civil_affairs_coverage', name: '民政工作负责人明确率', color: '#4b9a5f' },
];

/** A share with no villages to count (no village needs a station) is not applicable; one not reported is missing. */
function shareBar(figure: Shares[string]): Bar {
  if (figure?.value == null) return figure?.denominator === 0 ? 'n/a' : 'missing';
  return { value: figure.value * 100, label: percentText(figure.value) };
}

/** The three village coverages of T10 side by side, in percent. */
export function coverageChart(caption: string, names: string[], figures: Shares[]): Chart {
  return barChart({
    caption,
    categories: names,
    series: coverageSeries.map((s) => ({ name: s.name, color: s.color, bars: figures.map((f) => shareBar(f[s.code])) })),
    yMax: 100,
    yName: '覆盖率（%）',
  });
}
