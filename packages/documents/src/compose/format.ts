import type { GateStatus } from '@dudao/metrics';
import { chineseDate, monthDay } from '@dudao/metrics';
import { periodLabel } from '@dudao/schema/campaign';

// Figures and dates read the same on every surface: the one formatter lives in packages/metrics.
export {
  amountText,
  chineseDate,
  chineseNumber,
  countText,
  daysText,
  monthDay,
  percentText,
  scoreText,
  tableAmount,
  tableCount,
  tablePercent,
  tableScore,
} from '@dudao/metrics';

export const gateWords: Record<GateStatus, string> = {
  met: '按期完成',
  late: '逾期完成',
  overdue: '逾期未完成',
  pending: '未到期',
  'n/a': '不适用',
};

/**
 * Typesetting only, never a figure: the metrics' screen sentences put spaces around figures and ISO dates
 * ('2021-11 月报应于 2021-12-05 报送'); a 公文 runs figures into the text, writes dates in Chinese and uses “” quotes.
 */
export function typeset(text: string): string {
  let open = true;
  return text
    .replace(/([\p{Script=Han}（），。；：、]) +/gu, '$1')
    .replace(/ +([\p{Script=Han}（），。；：、%])/gu, '$1')
    .replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (_, y: string, m: string, d: string) =>
      chineseDate(`${y}-${m}-${d}`),
    )
    .replace(/(?<!\d)(\d{4})-(\d{2})(?=\s*月报)/g, (_, y: string, m: string) => `${y}年${Number(m)}月`)
    .replace(/(?<!\d)(\d{4}-Q[1-4])(?=\s*季报)/g, (period: string) => periodLabel(period))
    .replace(/(?<![\d-])(\d{2})-(\d{2})(?![\d-])/g, (_, m: string, d: string) => `${Number(m)}月${Number(d)}日`)
    .replace(/"/g, () => {
      open = !open;
      return open ? '”' : '“';
    });
}

/** A deadline as the document's day sees it: '于12月15日前', '于今日（12月15日）' on the day itself, '立即' once past — never a past date as a demand. */
export function byDeadline(deadline: string, asOf: string): string {
  if (deadline < asOf) return '立即';
  return deadline === asOf ? `于今日（${monthDay(deadline)}）` : `于${monthDay(deadline)}前`;
}
