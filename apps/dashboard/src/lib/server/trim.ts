import { gatesOfKind } from '@dudao/metrics';
import type { Campaign, CityStatus, CountyStatus, ScopedStatus } from '$lib/api-types';

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

export interface CoverageKpi {
  code: string;
  label: string;
  /** What the denominator counts ("个村（社区）"). */
  of: string;
}

/** The roster coverages the KPI cards show: those the campaign's roster gates cite, straight from the roll-up figures. */
export function coverageKpis(campaign: Campaign): CoverageKpi[] {
  return gatesOfKind(campaign, 'roster_condition').flatMap((g) => {
    const def = campaign.indicators.find((i) => i.code === g.showsIndicator);
    if (!def) return [];
    const of =
      g.villages === 'eligible' ? `个常年救助对象${campaign.thresholds.eligibleRecipients}人以上村` : '个村（社区）';
    return [{ code: def.code, label: def.name, of }];
  });
}
