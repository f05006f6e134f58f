import { shownScore } from './format';

export interface Scored {
  code: string;
  score: number | null;
}

/** A competition rank (1, 2, 2, 4) on the shown score; null for an unscored unit. */
export interface Rank {
  rank: number | null;
  /** Shares its rank with another unit: read as 并列第N名. */
  tied: boolean;
}

/** Highest shown score first; unscored last; equal shown scores by code ascending. */
export function byScore(a: Scored, b: Scored): number {
  return byShown(shownScore(a.score), shownScore(b.score)) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function byShown(sa: number | null, sb: number | null): number {
  if (sa === sb) return 0;
  if (sa === null) return 1;
  if (sb === null) return -1;
  return sb - sa;
}

/**
 * Competition ranking of every code on the score rounded as shown; unscored units have rank null. Each shown score is
 * computed once (rounding goes through a string) and the ranks are read off in one pass: the nation ranks 2,978.
 */
export function rankings(items: Scored[]): Map<string, Rank> {
  const sorted = items
    .map((item) => ({ code: item.code, shown: shownScore(item.score) }))
    .sort((a, b) => byShown(a.shown, b.shown) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const result = new Map<string, Rank>();
  let rank = 0;
  sorted.forEach(({ code, shown }, i) => {
    if (shown === null) return result.set(code, { rank: null, tied: false });
    // Equal shown scores stand together: the first of them gives the rank.
    if (sorted[i - 1]?.shown !== shown) rank = i + 1;
    return result.set(code, { rank, tied: sorted[i - 1]?.shown === shown || sorted[i + 1]?.shown === shown });
  });
  return result;
}

/** The competition rank of every code; null for the unscored. */
export function ranks(items: Scored[]): Map<string, number | null> {
  return new Map([...rankings(items)].map(([code, r]) => [code, r.rank]));
}

// The plan's 关注 list is "the bottom three of each city"; the campaign has no setting for it.
export const WATCH_SIZE = 3;

/**
 * In each city, the `size` lowest scored counties whose shown score is below 100, plus any tied with the
 * `size`-th lowest; a county at full score or without a score is never watched.
 */
export function watchList(counties: (Scored & { cityCode: string })[], size = WATCH_SIZE): Set<string> {
  const byCity = new Map<string, { code: string; shown: number }[]>();
  for (const county of counties) {
    const shown = shownScore(county.score);
    if (shown === null || shown >= 100) continue;
    byCity.set(county.cityCode, [...(byCity.get(county.cityCode) ?? []), { code: county.code, shown }]);
  }
  const watch = new Set<string>();
  for (const members of byCity.values()) {
    const lowest = members.map((m) => m.shown).sort((a, b) => a - b);
    const cut = lowest[Math.min(size, lowest.length) - 1];
    if (cut === undefined) continue;
    for (const member of members) if (member.shown <= cut) watch.add(member.code);
  }
  return watch;
}

/** A city's score: the mean of its scored counties. */
export function meanScore(scores: (number | null)[]): number | null {
  const known = scores.filter((s): s is number => s !== null);
  return known.length === 0 ? null : known.reduce((sum, s) => sum + s, 0) / known.length;
}
