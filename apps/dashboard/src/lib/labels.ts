import type { GateStatus, IndicatorStatus, ReportState } from './api-types';

export interface Badge {
  /** A symbol that carries the meaning without colour. */
  icon: string;
  text: string;
  tone: 'good' | 'warn' | 'bad' | 'neutral';
}

export const indicatorBadges: Record<IndicatorStatus | 'unscored', Badge> = {
  green: { icon: '✓', text: '达标', tone: 'good' },
  amber: { icon: '▲', text: '预警', tone: 'warn' },
  red: { icon: '✕', text: '落后', tone: 'bad' },
  missing: { icon: '✕', text: '缺报', tone: 'bad' },
  pending: { icon: '○', text: '未到期', tone: 'neutral' },
  unscored: { icon: '–', text: '不评分', tone: 'neutral' },
};

export const gateBadges: Record<GateStatus, Badge> = {
  met: { icon: '✓', text: '按期完成', tone: 'good' },
  late: { icon: '◐', text: '逾期完成', tone: 'warn' },
  overdue: { icon: '✕', text: '逾期未完成', tone: 'bad' },
  pending: { icon: '○', text: '进行中', tone: 'neutral' },
  'n/a': { icon: '–', text: '不适用', tone: 'neutral' },
};

export const gateStatuses: GateStatus[] = ['met', 'late', 'overdue', 'pending', 'n/a'];

export const reportStateBadges: Record<ReportState, Badge> = {
  draft: { icon: '✎', text: '草稿', tone: 'neutral' },
  submitted: { icon: '➜', text: '已报送待审核', tone: 'warn' },
  returned: { icon: '↩', text: '已退回', tone: 'bad' },
  approved: { icon: '✓', text: '市级已审核', tone: 'good' },
  accepted: { icon: '✓', text: '省级已确认', tone: 'good' },
};

export const laggingBadge: Badge = { icon: '✕', text: '进展缓慢', tone: 'bad' };
export const watchBadge: Badge = { icon: '◎', text: '关注', tone: 'warn' };
