import type { CityStatus, CountyStatus, ScopedStatus } from '$lib/api-types';

// Pages get only the parts of status.at they show: the full answer carries every indicator of every county,
// far more than an overview draws, and it would all be sent to the browser again for hydration.

export function countyBrief(c: CountyStatus) {
  return {
    code: c.code,
    name: c.name,
    cityCode: c.cityCode,
    score: c.score,
    taskScores: c.taskScores,
    gates: c.gates,
    lagging: c.lagging,
    reasons: c.reasons.map((r) => ({ code: r.code, text: r.text })),
    redCount: c.redCount,
    rankInCity: c.rankInCity,
    rankInProvince: c.rankInProvince,
    cityRank: c.cityRank,
    provinceRank: c.provinceRank,
    watch: c.watch,
  };
}
export type CountyBrief = ReturnType<typeof countyBrief>;

export function cityBrief(c: CityStatus, figureCodes: readonly string[]) {
  return {
    code: c.code,
    name: c.name,
    score: c.score,
    rank: c.rank,
    provinceRank: c.provinceRank,
    laggingCount: c.laggingCount,
    gates: c.gates,
    supervision: c.supervision,
    figures: Object.fromEntries(figureCodes.map((k) => [k, c.figures[k] ?? null])),
  };
}
export type CityBrief = ReturnType<typeof cityBrief>;

export function provinceBrief(p: NonNullable<ScopedStatus['province']>, figureCodes: readonly string[]) {
  return {
    code: p.code,
    name: p.name,
    score: p.score,
    laggingCount: p.laggingCount,
    figures: Object.fromEntries(figureCodes.map((k) => [k, p.figures[k] ?? null])),
  };
}
export type ProvinceBrief = ReturnType<typeof provinceBrief>;

/** The roster coverages the KPI cards show, straight from the roll-up figures. */
export const coverageFigures = ['t10_coordinator_coverage', 't10_station_coverage'] as const;
