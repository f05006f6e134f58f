import { percentText, scoreText } from '@dudao/metrics';
import type { GateStatus } from '@dudao/metrics';

export { percentText, scoreText };

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

/** Counts in prose: exact below 100 000, then in 万 to two decimals. */
export function countText(n: number): string {
  return n >= 100_000 ? `${(n / 10_000).toFixed(2)}万` : String(Math.round(n));
}

/** Yuan in prose: 万元 to two decimals. */
export function amountText(yuan: number): string {
  return `${(yuan / 10_000).toFixed(2)}万元`;
}

export function daysText(days: number): string {
  return days.toFixed(1);
}

/** Counts in tables: exact, with thousands separators, so a column can be summed back. */
export function tableCount(n: number | null | undefined): string {
  return n == null ? '—' : Math.round(n).toLocaleString('en-US');
}

export function tableAmount(yuan: number | null | undefined): string {
  return yuan == null ? '—' : yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function tablePercent(share: number | null | undefined): string {
  return share == null ? '—' : percentText(share);
}

export function tableScore(score: number | null | undefined): string {
  return score == null ? '—' : scoreText(score);
}

export const gateWords: Record<GateStatus, string> = { met: '按期完成', late: '逾期完成', overdue: '逾期未完成', pending: '未到期', 'n/a': '不适用' };

/**
 * Typesetting only, never a figure: the metrics' screen sentences put spaces around figures and ISO dates
 * ('2021-11 月报应于 2021-12-05 报送'); a 公文 runs figures into the text, writes dates in Chinese and uses “” quotes.
 */
export function typeset(text: string): string {
  let open = true;
  return text
    .replace(/([\p{Script=Han}（），。；：、]) +/gu, '$1')
    .replace(/ +([\p{Script=Han}（），。；：、%])/gu, '$1')
    .replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (_, y: string, m: string, d: string) => chineseDate(`${y}-${m}-${d}`))
    .replace(/(?<!\d)(\d{4})-(\d{2})(?=\s*月报)/g, (_, y: string, m: string) => `${y}年${Number(m)}月`)
    .replace(/(?<![\d-])(\d{2})-(\d{2})(?![\d-])/g, (_, m: string, d: string) => `${Number(m)}月${Number(d)}日`)
    .replace(/"/g, () => ((open = !open) ? '”' : '“'));
}

/** A deadline as the document's day sees it: '于12月15日前', '于今日（12月15日）' on the day itself, '立即' once past — never a past date as a demand. */
export function byDeadline(deadline: string, asOf: string): string {
  if (deadline < asOf) return '立即';
  return deadline === asOf ? `于今日（${monthDay(deadline)}）` : `于${monthDay(deadline)}前`;
}

/** '2021-11-01' → '11月1日', for dates inside the campaign year. */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日`;
}
