import type { CampaignDef } from '@dudao/schema/campaign';
import type { CityStatus, CountyInput, CountyStatus, RankPlace, StatusInput, StatusResult } from './types';
import { countyIndicators } from './county-indicators';
import { exemplarTasks } from './exemplars';
import { cityFigures, type CityFigures } from './city-figures';
import { cityGates, countyGates } from './gates';
import { laggingReasons, redCounts } from './lagging';
import { meanScore, rankings, watchList, type Scored } from './rankings';
import { addRollupSums, figuresOf } from './rollup';
import { compositeScore, taskScores } from './scores';
import { addGateCounts, addRedCounts, gateCounts, tally } from './tallies';
import { cityGateDefs, countyGateDefs, gateOfKind } from './schedule';
import { addTimelinessCounts, countyTimeliness } from './timeliness';

export type JudgedCountyStatus = Omit<
  CountyStatus,
  'rankInCity' | 'rankInProvince' | 'cityRank' | 'provinceRank' | 'watch' | 'exemplarTasks'
>;

/** One county judged on its own, without ranks: enough to know whether it was lagging at asOf (the supervision gate asks this of its day). */
export function countyStatus(county: CountyInput, campaign: CampaignDef, asOf: string): JudgedCountyStatus {
  const indicators = countyIndicators(county, campaign, asOf);
  const scores = taskScores(indicators, campaign);
  const score = compositeScore(scores, campaign);
  const gates = countyGates(county, indicators, campaign, asOf);
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
    timeliness: countyTimeliness(county, campaign, asOf),
  };
}

const UNRANKED: RankPlace = { rank: null, tied: false };

/** Places for showing (null when unscored) and an ordering number where the unscored follow every scored unit. */
function placesOf(items: Scored[]): { place: Map<string, RankPlace>; order: (code: string) => number } {
  const place = rankings(items);
  const last = items.filter((i) => i.score !== null).length + 1;
  return { place, order: (code) => place.get(code)?.rank ?? last };
}

/** The whole status board at the end of asOf, from exactly what the caller says was known then. */
export function computeStatus(input: StatusInput): StatusResult {
  return rankStatus(
    input,
    input.counties.map((county) => countyStatus(county, input.campaign, input.asOf)),
  );
}

/** Counties by their city, each city's in the order given. */
function byCity<C extends { cityCode: string }>(counties: C[]): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of counties) {
    const members = out.get(c.cityCode);
    if (members) members.push(c);
    else out.set(c.cityCode, [c]);
  }
  return out;
}

/**
 * The board from counties already judged one by one (`countyStatus` of each county's input at asOf): ranks, cities
 * and province. A caller that keeps the judged counties recomputes only those whose input changed.
 */
export function rankStatus(input: Omit<StatusInput, 'counties'>, judged: JudgedCountyStatus[]): StatusResult {
  const steps = rankSteps(input, judged);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Counties made ready between two points where the ranking may pause. */
const COUNTIES_PER_STEP = 128;
/** Cities ranked, or summed, between two such points. */
const CITIES_PER_STEP = 8;

/**
 * `rankStatus` in steps: each `yield` is a point where a caller may let other work run and then go on. Ranking the
 * nation's 2,978 newly judged counties takes 150–200 ms, too long to hold a server's event loop at once; a step takes
 * well under a millisecond.
 */
export function* rankSteps(
  input: Omit<StatusInput, 'counties'>,
  judged: JudgedCountyStatus[],
): Generator<void, StatusResult, void> {
  const { campaign, asOf } = input;
  const cityCodes = new Set(input.cities.map((c) => c.code));
  for (const county of judged) {
    if (!cityCodes.has(county.cityCode)) throw new Error(`县区 ${county.code} 所属的市 ${county.cityCode} 不在输入中`);
  }
  const inProvince = placesOf(judged);
  yield;
  const watch = watchList(judged);
  const inCity = new Map<string, { place: RankPlace; order: number }>();
  // Grouped once: filtering every county for every city is 1M steps for the nation's 340 cities and 2,978 counties.
  const judgedOf = byCity(judged);
  for (const [i, city] of input.cities.entries()) {
    if (i % CITIES_PER_STEP === 0) yield;
    const places = placesOf(judgedOf.get(city.code) ?? []);
    for (const [code, place] of places.place) inCity.set(code, { place, order: places.order(code) });
  }
  const counties: CountyStatus[] = [];
  for (const [i, c] of judged.entries()) {
    if (i % COUNTIES_PER_STEP === 0) yield;
    const city = inCity.get(c.code);
    const watched = watch.has(c.code);
    counties.push({
      ...c,
      rankInCity: city?.order ?? 0,
      rankInProvince: inProvince.order(c.code),
      cityRank: city?.place ?? UNRANKED,
      provinceRank: inProvince.place.get(c.code) ?? UNRANKED,
      watch: watched,
      exemplarTasks: exemplarTasks({ indicators: c.indicators, lagging: c.lagging, watch: watched }, campaign),
    });
  }

  const membersOf = byCity(counties);
  const sums: CityFigures[] = [];
  for (const [i, city] of input.cities.entries()) {
    if (i % CITIES_PER_STEP === 0) yield;
    sums.push(cityFigures(judgedOf.get(city.code) ?? [], membersOf.get(city.code) ?? [], campaign, asOf));
  }
  yield;
  const cityPlaces = placesOf(input.cities.map((city, i) => ({ code: city.code, score: sums[i]!.score })));
  const supervisionGate = gateOfKind(campaign, 'supervision_of_lagging');
  const cities: CityStatus[] = input.cities.map((city, i) => {
    const sum = sums[i]!;
    return {
      code: city.code,
      name: city.name,
      score: sum.score,
      rank: cityPlaces.order(city.code),
      provinceRank: cityPlaces.place.get(city.code) ?? UNRANKED,
      laggingCount: sum.laggingCount,
      gates: cityGates(city.summarySubmittedAt, campaign, asOf),
      supervision: supervisionGate ? (sum.gateCounts[supervisionGate.code] ?? tally([])) : tally([]),
      gateCounts: sum.gateCounts,
      redByIndicator: sum.redByIndicator,
      timeliness: sum.timeliness,
      exemplars: sum.exemplars,
      figures: sum.figures,
    };
  });

  // Every county is in one of the cities (checked above), so the province's counts are its cities' added up: after one
  // county's write only its city was summed again, and the nation's 2,978 counties are not read once more.
  return {
    asOf,
    province: {
      ...input.province,
      score: meanScore(counties.map((c) => c.score)),
      laggingCount: sums.reduce((n, s) => n + s.laggingCount, 0),
      gateCounts: addGateCounts(
        sums.map((s) => s.gateCounts),
        countyGateDefs(campaign).map((g) => g.code),
      ),
      cityGateCounts: gateCounts(
        cities,
        cityGateDefs(campaign).map((g) => g.code),
      ),
      redByIndicator: addRedCounts(
        sums.map((s) => s.redByIndicator),
        campaign,
      ),
      timeliness: addTimelinessCounts(
        sums.map((s) => s.timeliness),
        campaign,
        asOf,
      ),
      figures: figuresOf(
        addRollupSums(
          sums.map((s) => s.rollupSums),
          campaign,
        ),
        campaign,
      ),
    },
    cities,
    counties,
  };
}
