import { forecastCounty, type CountyForecast, type CountyInput } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import { readDataVersion } from '../../db/data-version';
import { inTransaction } from '../../db/engine';
import type { Ctx } from '../context';
import { cachedCountyShapes } from '../known/county-shapes';
import { provinceStatusAt } from '../known/status-at';
import { historiesKnownAt } from './history';

const answers = new WeakMap<CampaignDef, Map<string, Promise<Map<string, CountyForecast>>>>();
const MAX_ANSWERS = 100;

async function compute(ctx: Ctx<'campaign'>, asOf: string): Promise<Map<string, CountyForecast>> {
  const { campaign } = ctx;
  const status = await provinceStatusAt(ctx, asOf);
  const gates = new Map(status.counties.map((c) => [c.code, c.gates]));
  const histories = await historiesKnownAt(ctx, campaign.province, asOf);
  const out = new Map<string, CountyForecast>();
  for (const shape of await cachedCountyShapes(ctx, campaign.province)) {
    // The forecast reads only the county's identity and org counts; its figures come from the history.
    const county: CountyInput = {
      ...shape,
      report: null,
      firstSubmissions: {},
      roster: null,
      rosterAtDeadline: null,
      caseLog: null,
      visits: [],
      laggingAtSupervision: null,
    };
    const history = histories.get(shape.code) ?? { reports: [], rosters: [] };
    out.set(shape.code, forecastCounty(county, history, gates.get(shape.code) ?? {}, campaign, asOf));
  }
  return out;
}

/** Every county's forecast at the end of `asOf`, filed like the status answer under the data version. */
export async function forecastsAt(ctx: Ctx<'campaign'>, asOf: string): Promise<Map<string, CountyForecast>> {
  if (inTransaction(ctx.db)) return compute(ctx, asOf);
  const key = `${asOf}|${await readDataVersion(ctx.db)}`;
  const cache = answers.get(ctx.campaign) ?? new Map<string, Promise<Map<string, CountyForecast>>>();
  answers.set(ctx.campaign, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const pending = compute(ctx, asOf);
  if (cache.size >= MAX_ANSWERS) cache.delete(cache.keys().next().value!);
  cache.set(key, pending);
  pending.catch(() => cache.get(key) === pending && cache.delete(key));
  return pending;
}
