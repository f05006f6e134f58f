export interface Scored {
  code: string;
  score: number | null;
}

/** Highest score first; unscored last; ties by code ascending so every rank is distinct and stable. */
export function byScore(a: Scored, b: Scored): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** 1-based rank of every code. */
export function ranks(items: Scored[]): Map<string, number> {
  return new Map([...items].sort(byScore).map((item, i) => [item.code, i + 1]));
}

// The plan's 关注 list is "the bottom three of each city"; the campaign has no setting for it.
export const WATCH_SIZE = 3;

/** Codes of the bottom `size` counties of each city by the in-city ranking. */
export function watchList(counties: (Scored & { cityCode: string })[], size = WATCH_SIZE): Set<string> {
  const byCity = new Map<string, Scored[]>();
  for (const county of counties) byCity.set(county.cityCode, [...(byCity.get(county.cityCode) ?? []), county]);
  const watch = new Set<string>();
  for (const members of byCity.values()) {
    for (const member of [...members].sort(byScore).slice(-size)) watch.add(member.code);
  }
  return watch;
}

/** A city's score: the mean of its scored counties. */
export function meanScore(scores: (number | null)[]): number | null {
  const known = scores.filter((s): s is number => s !== null);
  return known.length === 0 ? null : known.reduce((sum, s) => sum + s, 0) / known.length;
}
