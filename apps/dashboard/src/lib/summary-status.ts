import type { CitySummaryStatus, DocumentKind } from './api-types';
import type { Badge } from './labels';

export const documentKindLabels: Record<DocumentKind, string> = {
  city: '市级行动总结',
  province: '全省行动总结',
  notice: '督导通报',
  annex: '指标附表',
};

/** Where a city's summary stands on `asOf` against its due day; the text alone carries the meaning. */
export function submissionBadge(row: Pick<CitySummaryStatus, 'onTime' | 'dueOn'>, asOf: string): Badge {
  if (row.onTime === true) return { icon: '✓', text: '已报送 · 按期', tone: 'good' };
  if (row.onTime === false) return { icon: '◐', text: '已报送 · 逾期', tone: 'warn' };
  if (asOf > row.dueOn) return { icon: '✕', text: '未报送 · 已逾期', tone: 'bad' };
  return { icon: '○', text: '未报送', tone: 'neutral' };
}

export interface SubmissionTally {
  onTime: number;
  late: number;
  missing: number;
}

export function tallySubmissions(rows: Pick<CitySummaryStatus, 'onTime'>[]): SubmissionTally {
  return {
    onTime: rows.filter((r) => r.onTime === true).length,
    late: rows.filter((r) => r.onTime === false).length,
    missing: rows.filter((r) => r.onTime === null).length,
  };
}
