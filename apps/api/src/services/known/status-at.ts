import { computeStatus, type StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import { readDataVersion } from '../../db/data-version';
import { inTransaction } from '../../db/engine';
import type { Ctx } from '../context';
import { readKnownAt, supervisionJudged, supervisionStart } from './read';

/**
 * An answer is filed under the campaign (code@version: one object per installed version) and the database's
 * data_version, so it stays right until any process writes, and is never reused after a write however its ids fall.
 * An answer read inside a write transaction is not filed: a rollback takes its data_version back, and the next commit
 * would find an answer to data that never was.
 */
const laggingAtStart = new WeakMap<CampaignDef, { key: string; lagging: Map<string, boolean> }>();
const answers = new WeakMap<CampaignDef, Map<string, Promise<StatusResult>>>();
const MAX_ANSWERS = 400;

async function laggingOnSupervisionStart(
  ctx: Ctx<'campaign'>,
  scope: string,
  version: number,
): Promise<Map<string, boolean>> {
  const { campaign } = ctx;
  const key = `${scope}|${version}`;
  const cached = laggingAtStart.get(campaign);
  if (cached?.key === key) return cached.lagging;
  const atStart = computeStatus(await readKnownAt(ctx, scope, supervisionStart(campaign)!, null));
  const lagging = new Map(atStart.counties.map((c) => [c.code, c.lagging]));
  if (!inTransaction(ctx.db)) laggingAtStart.set(campaign, { key, lagging });
  return lagging;
}

/**
 * The metrics answer for the whole campaign province at the end of `asOf`.
 * Rankings are province-wide, so a narrower scope is cut from this answer, never computed alone.
 */
export async function provinceStatusAt(ctx: Ctx<'campaign'>, asOf: string): Promise<StatusResult> {
  const { campaign } = ctx;
  const scope = campaign.province;
  const version = await readDataVersion(ctx.db);
  const compute = async () => {
    const lagging = supervisionJudged(campaign, asOf) ? await laggingOnSupervisionStart(ctx, scope, version) : null;
    return computeStatus(await readKnownAt(ctx, scope, asOf, lagging));
  };
  if (inTransaction(ctx.db)) return compute();
  const key = `${scope}|${asOf}|${version}`;
  const cache = answers.get(campaign) ?? new Map<string, Promise<StatusResult>>();
  answers.set(campaign, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  // The answer being computed is filed at once: the readers that arrive after a write share one computation.
  const pending = compute();
  if (cache.size >= MAX_ANSWERS) cache.delete(cache.keys().next().value!);
  cache.set(key, pending);
  pending.catch(() => cache.get(key) === pending && cache.delete(key));
  return pending;
}

/** The same answer computed afresh, bypassing the cache: what the benchmark measures. */
export async function computeProvinceStatusAt(ctx: Ctx<'campaign'>, asOf: string): Promise<StatusResult> {
  const { campaign } = ctx;
  const scope = campaign.province;
  const lagging = supervisionJudged(campaign, asOf)
    ? await laggingOnSupervisionStart(ctx, scope, await readDataVersion(ctx.db))
    : null;
  return computeStatus(await readKnownAt(ctx, scope, asOf, lagging));
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
