import { computeStatus, type StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import type { DbOrTx } from '../../db/client';
import { readDataVersion } from '../../db/data-version';
import { readKnownAt, supervisionJudged, supervisionStart } from './read';

/**
 * An answer is filed under the campaign (code@version: one object per installed version) and the database's
 * data_version, so it stays right until any process writes, and is never reused after a write however its ids fall.
 */
const laggingAtStart = new WeakMap<CampaignDef, { key: string; lagging: Map<string, boolean> }>();
const answers = new WeakMap<CampaignDef, Map<string, StatusResult>>();
const MAX_ANSWERS = 400;

function laggingOnSupervisionStart(db: DbOrTx, campaign: CampaignDef, scope: string, version: number): Map<string, boolean> {
  const key = `${scope}|${version}`;
  const cached = laggingAtStart.get(campaign);
  if (cached?.key === key) return cached.lagging;
  const atStart = computeStatus(readKnownAt(db, campaign, scope, supervisionStart(campaign)!, null));
  const lagging = new Map(atStart.counties.map((c) => [c.code, c.lagging]));
  laggingAtStart.set(campaign, { key, lagging });
  return lagging;
}

/**
 * The metrics answer for the whole campaign province at the end of `asOf`.
 * Rankings are province-wide, so a narrower scope is cut from this answer, never computed alone.
 */
export function provinceStatusAt(db: DbOrTx, campaign: CampaignDef, asOf: string): StatusResult {
  const scope = campaign.province;
  const version = readDataVersion(db);
  const key = `${scope}|${asOf}|${version}`;
  const cache = answers.get(campaign) ?? new Map<string, StatusResult>();
  answers.set(campaign, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const lagging = supervisionJudged(campaign, asOf) ? laggingOnSupervisionStart(db, campaign, scope, version) : null;
  const result = computeStatus(readKnownAt(db, campaign, scope, asOf, lagging));
  if (cache.size >= MAX_ANSWERS) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

/** The same answer computed afresh, bypassing the cache: what the benchmark measures. */
export function computeProvinceStatusAt(db: DbOrTx, campaign: CampaignDef, asOf: string): StatusResult {
  const scope = campaign.province;
  const lagging = supervisionJudged(campaign, asOf) ? laggingOnSupervisionStart(db, campaign, scope, readDataVersion(db)) : null;
  return computeStatus(readKnownAt(db, campaign, scope, asOf, lagging));
}

export type ScopedStatus = Omit<StatusResult, 'province'> & { province: StatusResult['province'] | null };

/**
 * Cuts the province answer to `unit`: its counties, the cities inside it, and the province block only for the
 * province itself, so nobody reads figures of units outside their scope.
 */
export function cutToUnit(result: StatusResult, unit: string): ScopedStatus {
  if (unit === result.province.code) return result;
  return {
    ...result,
    province: null,
    cities: result.cities.filter((c) => c.code.startsWith(unit)),
    counties: result.counties.filter((c) => c.code.startsWith(unit)),
  };
}
