import { barChart, type Bar } from '../charts';
import type { CampaignDef } from '@dudao/schema/campaign';
import type { Chart } from '../content';
import { percentText, scoreText } from './format';

type Shares = Record<string, { value: number | null; denominator?: number | null } | undefined>;

/** Composite scores, best first, with the low-score line; a county not yet scored has no bar of 0. */
export function scoreChart(caption: string, names: string[], scores: (number | null)[], lowScore: number): Chart {
  return barChart({
    caption,
    categories: names,
    series: [
      {
        name: '综合得分',
        bars: scores.map((s): Bar => (s === null ? 'missing' : { value: s, label: scoreText(s) })),
        color: '#3b6fb6',
      },
    ],
    yMax: 100,
    yName: '得分（分）',
    markLine: { value: lowScore, label: `${lowScore}分` },
  });
}

const SERIES_COLORS = ['#3b6fb6', '#e0a030', '#4b9a5f', '#9b59b6', '#c0504d'];

/** One series per roster coverage the campaign derives, named by its short name. */
function coverageSeries(campaign: CampaignDef) {
  return campaign.indicators
    .filter((d) => d.derived?.kind === 'coverage')
    .map((d, i) => ({ code: d.code, name: d.shortName ?? d.name, color: SERIES_COLORS[i % SERIES_COLORS.length]! }));
}

/** A share with no villages to count (no village needs a station) is not applicable; one not reported is missing. */
function shareBar(figure: Shares[string]): Bar {
  if (figure?.value == null) return figure?.denominator === 0 ? 'n/a' : 'missing';
  return { value: figure.value * 100, label: percentText(figure.value) };
}

/** The campaign's village coverages side by side, in percent. */
export function coverageChart(caption: string, names: string[], figures: Shares[], campaign: CampaignDef): Chart {
  return barChart({
    caption,
    categories: names,
    series: coverageSeries(campaign).map((s) => ({
      name: s.name,
      color: s.color,
      bars: figures.map((f) => shareBar(f[s.code])),
    })),
    yMax: 100,
    yName: '覆盖率（%）',
  });
}
