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

export function tallySubmissions(rows: Pick<CitySummaryStatus, 'gate'>[]): SubmissionTally {
  return {
    onTime: rows.filter((r) => r.gate === 'met').length,
    late: rows.filter((r) => r.gate === 'late').length,
    missing: rows.filter((r) => r.gate === 'pending' || r.gate === 'overdue').length,
  };
}
