import type { CampaignDef } from '@dudao/schema/campaign';
import type { CityStatus, CountyStatus } from './types';
import { meanScore } from './rankings';
import { figuresOf, rollupSums, type RollupSums } from './rollup';
import { countyGateCounts, redByIndicator } from './tallies';
import { timelinessCounts } from './timeliness';

/** What a city's row sums from its counties alone (its rank, gates and supervision are read beside it). */
export type CityFigures = Pick<
  CityStatus,
  'score' | 'laggingCount' | 'gateCounts' | 'redByIndicator' | 'timeliness' | 'exemplars' | 'figures'
> & {
  /** What the roll-up figures are made of: the province's are the cities' added up. */
  rollupSums: RollupSums;
};

interface Kept {
  campaign: CampaignDef;
  asOf: string;
  judged: readonly object[];
  watch: boolean[];
  figures: CityFigures;
}

// Keyed by the city's first judged county: a caller that keeps its judged counties (the status cache) passes the same
// objects for every county whose input did not change, so after one county's write the other cities' sums are reused
// (the nation's 340 cities summed again were a third of the first read after a change). Weak, so the figures go with
// the judged counties they were summed from.
const kept = new WeakMap<object, Kept>();

const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A city's sums over `members` (its counties, ranked in the city, in the order given), each of them made from the
 * judged county at the same index of `judged`. Unchanged when the same judged objects come again with the same watch
 * flags on the same day of the same campaign: everything summed is derived from those alone.
 */
export function cityFigures(
  judged: readonly object[],
  members: CountyStatus[],
  campaign: CampaignDef,
  asOf: string,
): CityFigures {
  const watch = members.map((c) => c.watch);
  const first = judged[0];
  const known = first === undefined ? undefined : kept.get(first);
  if (
    known &&
    known.campaign === campaign &&
    known.asOf === asOf &&
    same(known.judged, judged) &&
    same(known.watch, watch)
  )
    return known.figures;
  const exemplars: Record<string, string[]> = {};
  for (const task of campaign.tasks) {
    exemplars[task.code] = members
      .filter((c) => c.exemplarTasks.includes(task.code))
      .sort((a, b) => a.rankInCity - b.rankInCity || (a.code < b.code ? -1 : 1))
      .map((c) => c.code);
  }
  const sums = rollupSums(members, campaign);
  const figures: CityFigures = {
    score: meanScore(members.map((c) => c.score)),
    laggingCount: members.filter((c) => c.lagging).length,
    gateCounts: countyGateCounts(members, campaign),
    redByIndicator: redByIndicator(members, campaign),
    timeliness: timelinessCounts(members, campaign, asOf),
    exemplars,
    figures: figuresOf(sums, campaign),
    rollupSums: sums,
  };
  if (first !== undefined) kept.set(first, { campaign, asOf, judged, watch, figures });
  return figures;
}
