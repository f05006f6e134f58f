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
  const sa = shownScore(a.score);
  const sb = shownScore(b.score);
  if (sa !== sb) {
    if (sa === null) return 1;
    if (sb === null) return -1;
    return sb - sa;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Competition ranking of every code on the score rounded as shown; unscored units have rank null. */
export function rankings(items: Scored[]): Map<string, Rank> {
  const sorted = [...items].sort(byScore);
  const shown = sorted.map((item) => shownScore(item.score));
  const result = new Map<string, Rank>();
  sorted.forEach((item, i) => {
    const score = shown[i] ?? null;
    if (score === null) result.set(item.code, { rank: null, tied: false });
    else
      result.set(item.code, { rank: shown.indexOf(score) + 1, tied: shown[i - 1] === score || shown[i + 1] === score });
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
