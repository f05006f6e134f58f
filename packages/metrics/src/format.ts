// The one formatter (DOMAIN "Showing figures"): the pages, the CLI and the documents all print figures through it.
// Pure and free of node-only modules, so the dashboard bundles it for the browser.
import { periodLabel, type DerivedDef } from '@dudao/schema/campaign';

export const DASH = '—';

const WAN = 10_000;
// From here on a count reads in 万 in prose; below it, exactly.
const WAN_FROM = 100_000;

/** Half up at `decimals`, on the decimal text so 1.005 rounds to 1.01 like a person would. */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value) || /e/i.test(String(value))) return Math.round(value * 10 ** decimals) / 10 ** decimals;
  const shifted = Math.round(Number(`${value}e${decimals}`));
  return Number(`${shifted}e-${decimals}`);
}

function truncate(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 1e-9) / factor;
}

/** The shares campaigns target (80%, 90%, 95%, 100%) and the score lines (the 80-point low-score line, 100). */
export const PERCENT_MARKS: readonly number[] = [80, 90, 95, 100];
export const SCORE_MARKS: readonly number[] = [80, 100];

/**
 * A percentage or score as shown: half up to one decimal, except that rounding never carries a value up onto a target
 * or threshold it falls short of (99.96 → 99.9 against 100, 79.96 → 79.9 against 80); where no mark lies between,
 * rounding is ordinary (95.97 → 96.0).
 */
export function shownDecimal(value: number, marks: readonly number[] = SCORE_MARKS): number {
  const rounded = roundHalfUp(value, 1);
  const crosses = marks.some((mark) => value < mark - 1e-9 && rounded >= mark);
  return crosses ? truncate(value, 1) : rounded;
}

/** 35/45 → '77.8%'; 1 → '100%'; 0.9996 → '99.9%'. */
export function percentText(share: number): string {
  return `${shownDecimal(share * 100, PERCENT_MARKS)
    .toFixed(1)
    .replace(/\.0$/, '')}%`;
}

/** 72.46 → '72.5'; 79.96 → '79.9'; 95.97 → '96.0'; 80 → '80.0'; null → '—'. */
export function scoreText(score: number | null | undefined): string {
  return score == null ? DASH : shownDecimal(score, SCORE_MARKS).toFixed(1);
}

/** A score as people see it, the number rankings and the watch list compare. */
export function shownScore(score: number | null): number | null {
  return score === null ? null : shownDecimal(score, SCORE_MARKS);
}

/** Working days to one decimal, half up: 12.96 → '13.0'. */
export function daysText(days: number): string {
  return roundHalfUp(days, 1).toFixed(1);
}

/** '13.0个工作日'; null → '—'. */
export function workingDaysText(days: number | null | undefined): string {
  return days == null ? DASH : `${daysText(days)}个工作日`;
}

export type CountScale = 'plain' | 'wan';

/** One scale for every figure of a kind in one sentence: 万 as soon as any of them reaches 100 000. */
export function countScale(values: readonly (number | null | undefined)[]): CountScale {
  return values.some((v) => v != null && Math.abs(v) >= WAN_FROM) ? 'wan' : 'plain';
}

/** Counts in prose: exact below 100 000, then in 万 to two decimals; `unit` goes with the number ('1.23万人'). */
export function countText(n: number, unit = '', scale: CountScale = countScale([n])): string {
  return scale === 'wan' ? `${(n / WAN).toFixed(2)}万${unit}` : `${Math.round(n)}${unit}`;
}

/** Several counts of one kind for one sentence, all in the same scale: [120000, 3000] → ['12.00万人', '0.30万人']. */
export function countTexts(values: readonly number[], unit = ''): string[] {
  const scale = countScale(values);
  return values.map((v) => countText(v, unit, scale));
}

/** Yuan in prose: always 万元 to two decimals, so amounts never mix scales. */
export function amountText(yuan: number): string {
  return `${(yuan / WAN).toFixed(2)}万元`;
}

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A plain number with separators and at most two decimals: 1234567.891 → '1,234,567.89'; null → '—'. */
export function amount(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? DASH : grouped.format(roundHalfUp(value, 2));
}

/** A percentage for a cell or a page; null → '—'. */
export function percent(share: number | null | undefined): string {
  return share == null || !Number.isFinite(share) ? DASH : percentText(share);
}

/** Counts in tables: exact, with thousands separators, so a column can be summed back. */
export function tableCount(n: number | null | undefined): string {
  return n == null ? DASH : Math.round(n).toLocaleString('en-US');
}

export function tableAmount(yuan: number | null | undefined): string {
  return yuan == null
    ? DASH
    : roundHalfUp(yuan, 2).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function tablePercent(share: number | null | undefined): string {
  return share == null ? DASH : percentText(share);
}

export function tableScore(score: number | null | undefined): string {
  return score == null ? DASH : scoreText(score);
}

/** A figure of an indicator in the unit its kind implies; null → '—'. */
export function figure(value: number | null | undefined, kind: string): string {
  if (value == null) return DASH;
  if (kind === 'ratio') return percent(value);
  if (kind === 'bool') return value >= 1 ? '是' : '否';
  if (kind === 'days') return daysText(value);
  return amount(value);
}

/** Competition rank as read: '第2名', tied '并列第2名', unranked '—'. */
export function rankText(rank: number | null, tied = false): string {
  if (rank === null) return DASH;
  return `${tied ? '并列' : ''}第${rank}名`;
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 11 → 十一, 20 → 二十 (heading numbers run to a few dozen at most). */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (digits[tens] ?? '')}十${ones === 0 ? '' : (digits[ones] ?? '')}`;
}

/** '2021-12-05' → '2021年12月5日' (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** chineseDate for a page, '—' when there is no date. */
export function dateText(day: string | null | undefined): string {
  return day ? chineseDate(day) : DASH;
}

/** '2021-11-01' → '11月1日', for dates inside the campaign year. */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日`;
}

/** '2021-10' → '2021年10月', '2022-Q1' → '2022年第一季度': the one way pages name a period. */
export function periodText(period: string): string {
  return periodLabel(period);
}

/** An instant in Beijing time: '2021-08-02T07:02:00.000Z' → '2021-08-02 15:02'; null → '—'. */
export function instantText(instant: string | null | undefined): string {
  if (!instant) return DASH;
  const t = new Date(new Date(instant).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** An instant in Beijing time, in words: '2021-11-20T02:00:00.000Z' → '2021年11月20日 10:00'. */
export function chineseTime(instant: string): string {
  const t = new Date(Date.parse(instant) + 8 * 3600_000).toISOString();
  return `${chineseDate(t.slice(0, 10))} ${t.slice(11, 16)}`;
}

/** A roster-derived figure as the roster summary reads it, by its kind: "7 / 10 个，70%", "1,000 元". */
export function rosterFigureText(
  derived: DerivedDef | null,
  unit: string | null,
  figure: { value: number | null; numerator?: number | null; denominator?: number | null } | null | undefined,
): string {
  if (!figure) return DASH;
  const n = figure.numerator ?? null;
  const d = figure.denominator ?? null;
  switch (derived?.kind) {
    case 'coverage':
      return `${n ?? DASH} / ${d ?? DASH} 个，${percent(figure.value)}`;
    case 'share':
      return `${n ?? DASH} / ${d ?? DASH}，${percent(figure.value)}`;
    case 'stations_per_recipients':
      return figure.value === null ? DASH : `${roundHalfUp(figure.value, 2).toFixed(2)}（共 ${n ?? DASH} 个站点）`;
    case 'village_count':
      return `${figure.value ?? DASH} 个`;
    default:
      return `${amount(figure.value)}${unit ? ` ${unit}` : ''}`;
  }
}
