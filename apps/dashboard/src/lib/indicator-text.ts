import type { IndicatorDef, IndicatorResult } from './api-types';
import { dateText, figure, percent } from '@dudao/metrics';
import { indicatorBadges, type Badge } from './labels';

/** The kind of figure status.at returns: a reported count judged as cov(a, b) comes back as the share a / b. */
export function shownKind(def: Pick<IndicatorDef, 'kind' | 'target'>): string {
  return def.target?.kind === 'ratio' ? 'ratio' : def.kind;
}

/** The figure as the county page writes it: a plan date, 是/否, a share, or a number. */
export function valueText(
  def: Pick<IndicatorDef, 'kind' | 'target'>,
  r: Pick<IndicatorResult, 'value' | 'date'>,
): string {
  if (def.kind === 'date') return r.date ? dateText(r.date) : '—';
  return figure(r.value, shownKind(def));
}

/** The 序时进度 or requirement a figure is judged against, with its direction. */
export function expectedText(def: Pick<IndicatorDef, 'kind' | 'target'>, r: Pick<IndicatorResult, 'expected'>): string {
  const target = def.target;
  if (!target) return '—';
  if (target.kind === 'date_by') return `不晚于 ${dateText(target.deadline)}`;
  if (r.expected === null) return '—';
  if (target.kind === 'upper') return `≤ ${figure(r.expected, def.kind)}`;
  if (target.kind === 'threshold') return def.kind === 'bool' ? '是' : `≥ ${figure(r.expected, def.kind)}`;
  return percent(r.expected);
}

export function statusBadge(r: Pick<IndicatorResult, 'status'>): Badge {
  return r.status ? indicatorBadges[r.status] : indicatorBadges.unscored;
}

/**
 * The line under the requirement: how far a share or threshold is reached (完成度), or for an upper bound (办理时限
 * ≤ 20 个工作日) whether it is kept — a ratio of bound to value would read as 198.7% done.
 */
export function attainmentText(
  def: Pick<IndicatorDef, 'target'>,
  r: Pick<IndicatorResult, 'attainment' | 'value' | 'expected'>,
): string | null {
  if (def.target?.kind === 'upper') {
    if (r.value == null || r.expected == null) return null;
    return r.value <= r.expected ? '未超过上限' : '超过上限';
  }
  return r.attainment == null ? null : `完成度 ${percent(r.attainment)}`;
}
