import type { RankPlace } from '@dudao/metrics';

// Ranks come from the metrics (competition ranking on the shown score), so a document and a page never disagree.

/** '第3名', '并列第3名', or '未排名' for a unit with no score yet. */
export function rankText(place: RankPlace, word = '名'): string {
  return place.rank === null ? '未排名' : `${place.tied ? '并列' : ''}第${place.rank}${word}`;
}

/** The same rank for a table cell: '3' or '并列3'. */
export function rankCell(place: RankPlace): string {
  return place.rank === null ? '—' : `${place.tied ? '并列' : ''}${place.rank}`;
}
