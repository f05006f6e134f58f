import { dispatchCountRules, type DispatchCopyAt } from '@dudao/metrics';
import { withAsOf } from './as-of';
import type { Badge } from './labels';

type CopyLike = {
  state: 'issued' | 'signed' | 'feedback' | 'closed';
  light: 'green' | 'yellow' | 'red' | 'closed';
  overdue: boolean;
  statusText: string;
};

const lightLabel = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;

/** The light as a badge that names itself in words, never by colour alone. */
export function lightBadge(c: CopyLike): Badge {
  if (c.light === 'closed')
    return { icon: c.overdue ? '!' : '✓', text: c.statusText, tone: c.overdue ? 'warn' : 'good' };
  const tone = c.light === 'green' ? 'good' : c.light === 'yellow' ? 'warn' : 'bad';
  return { icon: '●', text: `${lightLabel[c.light]} · ${c.statusText}`, tone };
}

export const levelText = { normal: '一般', key: '重点' } as const;
export const stateFilters = [
  ['', '全部状态'],
  ['issued', '待签收'],
  ['signed', '已签收'],
  ['feedback', '已反馈'],
  ['closed', '已办结'],
] as const;
export const lightFilters = [
  ['', '全部灯色'],
  ['green', '绿灯'],
  ['yellow', '黄灯'],
  ['red', '红灯'],
  ['closed', '已办结'],
] as const;

/** Orders keep only the copies that pass the filters; an order with none left drops out. */
export function filterOrders<O extends { copies: C[] }, C extends CopyLike>(
  orders: O[],
  state: string,
  light: string,
): O[] {
  return orders
    .map((o) => ({
      ...o,
      copies: o.copies.filter((c) => (!state || c.state === state) && (!light || c.light === light)),
    }))
    .filter((o) => o.copies.length > 0);
}

/** The counts of the 督办 figures (DispatchCounts) that link to their list: `?show=<count>` on a 督办 page. */
export type DispatchShow = 'issued' | 'closedOnTime' | 'overdue' | 'redNow';

/** Each figure: its label beside the number, what its list is called, and which copies it holds. */
export const dispatchShows: Record<DispatchShow, { label: string; name: string; listed: string; rule: string }> = {
  issued: {
    label: '下发（件次）',
    name: '下发',
    listed: '下发的督办件次',
    rule: '截至所选日期下发的督办单，每个收到的县区计一件次',
  },
  closedOnTime: {
    label: '按期办结',
    name: '按期办结',
    listed: '按期办结的督办件次',
    rule: '在办理期限内办结的件次',
  },
  overdue: {
    label: '逾期',
    name: '逾期',
    listed: '逾期的督办件次',
    rule: '超过办理期限仍未办结（红灯）或超过期限才办结的件次',
  },
  redNow: {
    label: '当前红灯',
    name: '当前红灯',
    listed: '当前红灯的督办件次',
    rule: '截至所选日期已超过办理期限、仍未办结的件次',
  },
};

export function parseShow(value: string | null): DispatchShow | null {
  return value !== null && Object.hasOwn(dispatchShows, value) ? (value as DispatchShow) : null;
}

/** The 督办 desk of a unit: the province's (a two-digit code) at /dispatch, a city's under the city. */
export function deskPath(unit: string): string {
  return unit.length === 2 ? '/dispatch' : `/city/${unit}/dispatch`;
}

/** The 督办 page at `path` listing the copies one figure counts, at the orders' heading. */
export function showHref(path: string, show: DispatchShow, asOf: string): string {
  return withAsOf(`${path}?show=${show}#orders-title`, asOf);
}

type CountedCopy = Pick<DispatchCopyAt, 'state' | 'light' | 'overdue' | 'lateSigning'>;

/**
 * The orders with only the copies that figure counts, by the rule the figure is counted with (dispatchCountRules), so
 * the copies left number exactly dispatchCounts(all copies)[show]; an order with none left drops out.
 */
export function countedOrders<O extends { copies: C[] }, C extends CountedCopy>(orders: O[], show: DispatchShow): O[] {
  const rule = dispatchCountRules[show];
  return orders.map((o) => ({ ...o, copies: o.copies.filter((c) => rule(c)) })).filter((o) => o.copies.length > 0);
}

export function urgeText(count: number | undefined): string {
  return count ? `已催报 ${count} 次` : '';
}

/** County code → how often its missing monthly report was urged, for the lagging lists. */
export function reportUrges(items: { kind: string; unit: string; urged: number }[]): Map<string, number> {
  return new Map(items.filter((i) => i.kind === 'report' && i.urged > 0).map((i) => [i.unit, i.urged]));
}

/** The same count as the urged county reads it. */
export function urgedText(count: number | undefined): string {
  return count ? `已被催报 ${count} 次` : '';
}

type UrgeRow = { kind: string; unit: string; period: string | null; orderId: number | null; count: number };

/** How often the to-do item's missing report, roster or order copy was urged; other items are never urged. */
export function urgesOf(
  item: { kind: string; unitCode: string; period?: string | null; orderId?: number | null },
  urges: UrgeRow[],
): number {
  const kind = item.kind === 'report' || item.kind === 'roster' || item.kind === 'dispatch' ? item.kind : null;
  if (!kind) return 0;
  const hit = urges.find(
    (u) =>
      u.kind === kind &&
      u.unit === item.unitCode &&
      (kind !== 'report' || u.period === (item.period ?? null)) &&
      (kind !== 'dispatch' || u.orderId === (item.orderId ?? null)),
  );
  return hit?.count ?? 0;
}

/** The 督办 pages' one-line account of the stages and the lights. */
export const dispatchRules =
  '交办 → 签收 → 反馈 → 复核 → 办结。灯色按办理期限前剩余的法定工作日判定：多于 3 个为绿灯，3 个及以内为黄灯，超过期限未办结为红灯；下发后 2 个工作日内未签收为逾期未签收。';

/** The 督办事项 field's length, as the API checks it. */
const TITLE_MAX = 80;

/**
 * The 督办事项 of an order opened from a reason: the reason whole when it fits, else its head without the list of
 * indicators it names ('怀远县：6 项指标未达到序时进度要求'), never a name cut in half; the 督办内容 quotes it whole.
 */
export function dispatchTitle(countyName: string, reasonText: string): string {
  const whole = `${countyName}：${reasonText}`;
  if (whole.length <= TITLE_MAX) return whole;
  return `${countyName}：${reasonText.split('：')[0]}`.slice(0, TITLE_MAX);
}
