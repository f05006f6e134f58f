import type { CampaignDef } from '@dudao/schema/campaign';
import type { CityStatus, CountyInput, CountyStatus, GateStatus, StatusInput, StatusResult } from './types';
import { countyIndicators } from './county-indicators';
import { citySummaryGate, countyGates } from './gates';
import { laggingReasons, redCounts } from './lagging';
import { meanScore, ranks, watchList } from './rankings';
import { rollupFigures } from './rollup';
import { compositeScore, taskScores } from './scores';

export type JudgedCountyStatus = Omit<CountyStatus, 'rankInCity' | 'rankInProvince' | 'watch'>;

/** One county judged on its own, without ranks: enough to know whether it was lagging at asOf (gate m4 asks this of 11-01). */
export function countyStatus(county: CountyInput, campaign: CampaignDef, asOf: string): JudgedCountyStatus {
  const indicators = countyIndicators(county, campaign, asOf);
  const scores = taskScores(indicators, campaign);
  const score = compositeScore(scores, campaign);
  const gates = countyGates(county, indicators.s1_plan_issued_on?.date ?? null, campaign, asOf);
  const reasons = laggingReasons(county, { indicators, score, gates }, campaign, asOf);
  return {
    code: county.code,
    name: county.name,
    cityCode: county.cityCode,
    score,
    taskScores: scores,
    indicators,
    gates,
    lagging: reasons.length > 0,
    reasons,
    redCount: redCounts(indicators).red,
  };
}

function supervisionCounts(counties: CountyStatus[]): Record<GateStatus, number> {
  const counts: Record<GateStatus, number> = { met: 0, late: 0, overdue: 0, pending: 0, 'n/a': 0 };
  for (const county of counties) counts[county.gates.m4_supervised] += 1;
  return counts;
}

/** The whole status board at the end of asOf, from exactly what the caller says was known then. */
export function computeStatus(input: StatusInput): StatusResult {
  const { campaign, asOf } = input;
  const cityCodes = new Set(input.cities.map((c) => c.code));
  for (const county of input.counties) {
    if (!cityCodes.has(county.cityCode)) throw new Error(`县区 ${county.code} 所属的市 ${county.cityCode} 不在输入中`);
  }
  const judged = input.counties.map((county) => countyStatus(county, campaign, asOf));
  const inProvince = ranks(judged);
  const watch = watchList(judged);
  const inCity = new Map<string, number>();
  for (const city of input.cities) {
    for (const [code, rank] of ranks(judged.filter((c) => c.cityCode === city.code))) inCity.set(code, rank);
  }
  const counties: CountyStatus[] = judged.map((c) => ({
    ...c,
    rankInCity: inCity.get(c.code) ?? 0,
    rankInProvince: inProvince.get(c.code) ?? 0,
    watch: watch.has(c.code),
  }));

  const cityScores = input.cities.map((city) => ({ code: city.code, score: meanScore(counties.filter((c) => c.cityCode === city.code).map((c) => c.score)) }));
  const cityRanks = ranks(cityScores);
  const cities: CityStatus[] = input.cities.map((city, i) => {
    const members = counties.filter((c) => c.cityCode === city.code);
    return {
      code: city.code,
      name: city.name,
      score: cityScores[i]?.score ?? null,
      rank: cityRanks.get(city.code) ?? 0,
      laggingCount: members.filter((c) => c.lagging).length,
      gates: { m5_city_summary: citySummaryGate(city.summarySubmittedAt, campaign, asOf) },
      supervision: supervisionCounts(members),
      figures: rollupFigures(members, campaign),
    };
  });

  return {
    asOf,
    province: {
      ...input.province,
      score: meanScore(counties.map((c) => c.score)),
      laggingCount: counties.filter((c) => c.lagging).length,
      figures: rollupFigures(counties, campaign),
    },
    cities,
    counties,
  };
}
