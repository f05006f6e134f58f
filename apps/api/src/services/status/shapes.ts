import { gatesOfKind, tally } from '@dudao/metrics';
import type { CityStatus, CountyStatus, GateCounts, StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';

// What the overview pages draw, cut from the metrics answer: no indicator of any county travels, only the scores,
// ranks, gates and lagging reasons a ranking or a map shows. Pure: every figure here was computed by the metrics.

/** The most counties one overview answer carries; a larger scope (the nation) is read page by page. */
export const MAX_PAGE = 200;

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
    timeliness: c.timeliness,
  };
}
export type CountyBrief = ReturnType<typeof countyBrief>;

/** The roll-up figures the KPI cards show: the coverages the campaign's roster gates cite. */
export function kpiCodes(campaign: CampaignDef): string[] {
  return gatesOfKind(campaign, 'roster_condition').flatMap((g) => (g.showsIndicator ? [g.showsIndicator] : []));
}

const pick = <T>(figures: Record<string, T>, codes: readonly string[]) =>
  Object.fromEntries(codes.map((k) => [k, figures[k] ?? null]));

export function cityBrief(c: CityStatus, codes: readonly string[]) {
  return {
    code: c.code,
    name: c.name,
    score: c.score,
    rank: c.rank,
    provinceRank: c.provinceRank,
    laggingCount: c.laggingCount,
    gates: c.gates,
    supervision: c.supervision,
    figures: pick(c.figures, codes),
  };
}
export type CityBrief = ReturnType<typeof cityBrief>;

export interface Page {
  offset: number;
  limit: number;
}

export type UnitLevel = 'province' | 'city' | 'county';

/**
 * The overview of `unit` (the province, a city or a county): its KPIs, gate tallies and timeliness, its cities, and
 * one page of its counties in the metrics answer's order (as status.at lists them), with their province-wide ranks.
 */
export function overviewOf(result: StatusResult, campaign: CampaignDef, unit: string, page: Page) {
  const codes = kpiCodes(campaign);
  const isProvince = unit === result.province.code;
  const city = isProvince ? undefined : result.cities.find((c) => c.code === unit);
  const inUnit = result.counties.filter((c) => c.code.startsWith(unit));
  const county = !isProvince && !city ? inUnit.find((c) => c.code === unit) : undefined;
  const level: UnitLevel = isProvince ? 'province' : city ? 'city' : 'county';
  const p = result.province;
  return {
    asOf: result.asOf,
    unit: { code: unit, name: isProvince ? p.name : (city?.name ?? county?.name ?? null), level },
    province: isProvince
      ? { code: p.code, name: p.name, score: p.score, laggingCount: p.laggingCount, figures: pick(p.figures, codes) }
      : null,
    city: city ? cityBrief(city, codes) : null,
    tallies: isProvince ? provinceTallies(p.gateCounts, p.cityGateCounts) : city ? cityTallies(city) : null,
    timeliness: isProvince ? p.timeliness : (city?.timeliness ?? null),
    cities: result.cities.filter((c) => c.code.startsWith(unit)).map((c) => cityBrief(c, codes)),
    countyTotal: inUnit.length,
    offset: page.offset,
    counties: inUnit.slice(page.offset, page.offset + page.limit).map(countyBrief),
  };
}
export type Overview = ReturnType<typeof overviewOf>;

/** The province's counties and cities in each status of their gates, as the metrics counted them. */
export function provinceTallies(gateCounts: GateCounts, cityGateCounts: GateCounts): GateCounts {
  return { ...gateCounts, ...cityGateCounts };
}

/** A city's counties in each status of the county gates, and its own city gates (one unit each). */
export function cityTallies(city: CityStatus): GateCounts {
  return {
    ...city.gateCounts,
    ...Object.fromEntries(Object.entries(city.gates).map(([code, status]) => [code, tally([status])])),
  };
}

/** One county as its page shows it: every indicator, with the name of its city beside it. */
export function countyOf(result: StatusResult, code: string) {
  const county = result.counties.find((c) => c.code === code);
  if (!county) return null;
  return { asOf: result.asOf, cityName: result.cities.find((c) => c.code === county.cityCode)?.name ?? null, county };
}
export type CountyAnswer = NonNullable<ReturnType<typeof countyOf>>;
