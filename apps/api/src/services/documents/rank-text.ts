import { scoreText } from './format';

/**
 * '第3名', or '并列第3名' when another score in the ranking reads the same as shown (one decimal): a reader who sees two
 * equal scores must never see two different ranks. Competition ranking: one more than the scores shown higher.
 */
export function rankText(score: number | null, scores: (number | null)[], word = '名'): string {
  if (score === null) return '未排名';
  const shown = (s: number) => Number(scoreText(s));
  const mine = shown(score);
  const others = scores.filter((s): s is number => s !== null).map(shown);
  const rank = 1 + others.filter((s) => s > mine).length;
  const tied = others.filter((s) => s === mine).length > 1;
  return `${tied ? '并列' : ''}第${rank}${word}`;
}

/** The same rank for a table cell: '3' or '并列3'. */
export function rankCell(score: number | null, scores: (number | null)[]): string {
  return score === null ? '—' : rankText(score, scores).replace(/^(并列)?第(\d+)名$/, '$1$2');
}
