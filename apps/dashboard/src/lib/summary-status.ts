import { gateTally } from '@dudao/metrics';
import type { CitySummaryStatus, DocumentKind } from './api-types';
import type { Badge } from './labels';

export const documentKindLabels: Record<DocumentKind, string> = {
  city: '市级行动总结',
  province: '全省行动总结',
  notice: '督导通报',
  annex: '指标附表',
};

const gateBadges: Record<CitySummaryStatus['gate'], Badge> = {
  met: { icon: '✓', text: '已报送 · 按期', tone: 'good' },
  late: { icon: '◐', text: '已报送 · 逾期', tone: 'warn' },
  overdue: { icon: '✕', text: '未报送 · 已逾期', tone: 'bad' },
  pending: { icon: '○', text: '未报送', tone: 'neutral' },
  'n/a': { icon: '○', text: '不适用', tone: 'neutral' },
};

/** Where a city's summary stands, as the metrics judged gate m5; the text alone carries the meaning. */
export function submissionBadge(row: Pick<CitySummaryStatus, 'gate'>): Badge {
  return gateBadges[row.gate];
}

export interface SubmissionTally {
  onTime: number;
  late: number;
  missing: number;
}

/** Counted by the metrics (gate m5 over the cities), as the provincial summary counts it. */
export function tallySubmissions(rows: Pick<CitySummaryStatus, 'gate'>[]): SubmissionTally {
  const tally = gateTally(rows.map((r) => r.gate));
  return { onTime: tally.onTime, late: tally.late, missing: tally.notDone };
}
