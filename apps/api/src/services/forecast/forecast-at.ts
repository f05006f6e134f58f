import { forecastCounty, type CountyForecast, type CountyHistory, type CountyInput } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import { catchUp, onChanges } from '../../db/change-feed';
import { inTransaction } from '../../db/engine';
import { readClock } from '../clock/clock';
import type { Ctx } from '../context';
import { cachedCountyShapes } from '../known/county-shapes';
import { provinceStatusAt } from '../known/status-at';
import { historiesKnownAt } from './history';

type Forecasts = Map<string, CountyForecast>;
const answers = new WeakMap<CampaignDef, Map<string, Promise<Forecasts>>>();
/**
 * Days kept per campaign version: a campaign's every day (some 185) and a month after it. A day before the clock's is
 * kept compact (`compacted`), some 0.6 MB, so all of them fit (warmed at start-up in the read workers); the clock's own
 * day, which each submission changes, is kept as computed (some 1.4 MB).
 */
const MAX_ANSWERS = 220;
/** The longest stretch of forecasting before the event loop gets a turn. */
const SLICE_MS = 8;
/** Campaign code → that campaign's caches (one per installed version), so a feed row can reach them. */
const byCode = new Map<string, Set<Map<string, Promise<Forecasts>>>>();
const subscribed = new WeakSet<object>();

/**
 * Counties whose forecast a change made stale, per cache and day: a county's forecast reads only its own history and
 * gates, so a write naming counties recomputes those alone (a submission on the 5th: one county, not 119).
 */
const staleOf = new WeakMap<Map<string, Promise<Forecasts>>, Map<string, Set<string>>>();

/** A forecast reads the history known at its day, so a change reaches the forecasts of its day and after (the feed's rule). */
function follow(ctx: Ctx<'campaign'>): void {
  if (subscribed.has(ctx.db)) return;
  subscribed.add(ctx.db);
  onChanges(ctx.db, (changes) => {
    for (const change of changes) {
      // Records (report workflow, dispatch, urges) feed no forecast: it reads figures only.
      if (change.kind === 'records') continue;
      const caches =
        change.campaignCode === '*' ? [...byCode.values()] : [byCode.get(change.campaignCode) ?? new Set()];
      for (const set of caches)
        for (const cache of set)
          for (const day of [...cache.keys()]) {
            if (day < change.fromDay) continue;
            if (change.units === null) {
              cache.delete(day);
              staleOf.get(cache)?.delete(day);
              continue;
            }
            let stale = staleOf.get(cache);
            if (!stale) staleOf.set(cache, (stale = new Map()));
            const units = stale.get(day) ?? new Set<string>();
            for (const unit of change.units) units.add(unit);
            if (units.size > 0) stale.set(day, units);
          }
    }
  });
}

/** Takes the units a change named for the day since its forecasts were filed, if any. */
function takeStale(cache: Map<string, Promise<Forecasts>>, day: string): Set<string> | null {
  const stale = staleOf.get(cache)?.get(day);
  if (!stale) return null;
  staleOf.get(cache)!.delete(day);
  return stale;
}

/** Every county's forecast at `asOf`, or only those inside one of `units` (county codes, or a city's). */
async function compute(ctx: Ctx<'campaign'>, asOf: string, units?: Set<string>): Promise<Map<string, CountyForecast>> {
  const { campaign } = ctx;
  const status = await provinceStatusAt(ctx, asOf);
  const gates = new Map(status.counties.map((c) => [c.code, c.gates]));
  const inside = (code: string) => !units || [...units].some((unit) => code.startsWith(unit));
  const histories = new Map<string, CountyHistory>();
  for (const scope of units ?? [campaign.province])
    for (const [code, history] of await historiesKnownAt(ctx, scope, asOf)) histories.set(code, history);
  const out = new Map<string, CountyForecast>();
  let slice = performance.now();
  for (const shape of await cachedCountyShapes(ctx, campaign.province)) {
    if (!inside(shape.code)) continue;
    // A day's forecast takes 50–200 ms: other requests (a draft save) are served between slices of it.
    if (performance.now() - slice > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
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

/** The day's forecasts with the named units' counties forecast again; the others are the same objects. */
async function recomputed(
  ctx: Ctx<'campaign'>,
  asOf: string,
  kept: Promise<Forecasts>,
  units: Set<string>,
): Promise<Forecasts> {
  const [before, again, { today }] = await Promise.all([kept, compute(ctx, asOf, units), readClock(ctx)]);
  const out = new Map(before);
  // A settled day stays compact: its new entries are compacted as a whole day would be.
  const compact = isCompact(before) && asOf < today;
  for (const [code, forecast] of compact ? compacted(again) : again) out.set(code, forecast);
  if (compact) compactMaps.add(out);
  return out;
}

function cacheOf(campaign: CampaignDef) {
  let cache = answers.get(campaign);
  if (!cache) {
    cache = new Map();
    answers.set(campaign, cache);
    const set = byCode.get(campaign.code) ?? new Set();
    set.add(cache);
    byCode.set(campaign.code, set);
  }
  return cache;
}

/**
 * The same forecasts, as JSON makes them: a computed forecast holds its texts as the pieces they were joined from,
 * and takes some 1.4 MB a province day; the same read back from its JSON takes 0.6 MB (measured: 10 days' heap).
 */
const compactMaps = new WeakSet<Forecasts>();
function compacted(all: Forecasts): Forecasts {
  const out = new Map(JSON.parse(JSON.stringify([...all])) as [string, CountyForecast][]);
  compactMaps.add(out);
  return out;
}
const isCompact = (all: Forecasts) => compactMaps.has(all);

/** Entries already compacted (a day before the clock's when it was kept). */
const compactEntries = new WeakSet<Promise<Forecasts>>();

/**
 * Every county's forecast at the end of `asOf`, cached per day until the change feed names that day. A day kept while
 * it was the clock's is compacted by its first reader after the clock has passed it.
 */
export async function forecastsAt(ctx: Ctx<'campaign'>, asOf: string): Promise<Forecasts> {
  if (inTransaction(ctx.db)) return compute(ctx, asOf);
  follow(ctx);
  await catchUp(ctx.db);
  const key = asOf;
  const cache = cacheOf(ctx.campaign);
  const cached = cache.get(key);
  const stale = cached ? takeStale(cache, key) : null;
  if (cached && stale) return file(cache, key, recomputed(ctx, asOf, cached, stale), false);
  if (cached && compactEntries.has(cached)) return cached;
  if (cached) {
    const { today } = await readClock(ctx);
    // Another reader may have compacted it meanwhile; the feed may have dropped it.
    const now = cache.get(key);
    if (now !== cached || asOf >= today) return now ?? forecastsAt(ctx, asOf);
    return file(cache, key, cached.then(compacted), true);
  }
  // Filed before anything is awaited, so readers arriving together share one computation.
  const pending = readClock(ctx).then(async ({ today }) => {
    const all = await compute(ctx, asOf);
    return asOf < today ? compacted(all) : all;
  });
  return file(cache, key, pending, false);
}

function file(cache: Map<string, Promise<Forecasts>>, key: string, pending: Promise<Forecasts>, compact: boolean) {
  if (!cache.has(key) && cache.size >= MAX_ANSWERS) {
    const oldest = cache.keys().next().value!;
    cache.delete(oldest);
    staleOf.get(cache)?.delete(oldest);
  }
  cache.set(key, pending);
  if (compact) compactEntries.add(pending);
  else
    void pending.then(
      (all) => cache.get(key) === pending && isCompact(all) && compactEntries.add(pending),
      () => {},
    );
  pending.catch(() => cache.get(key) === pending && cache.delete(key));
  return pending;
}

const cuts = new WeakMap<Map<string, CountyForecast>, Map<string, { asOf: string; counties: CountyForecast[] }>>();

/** The forecasts of `unit`'s counties; an unchanged day's answer gives every reader of a unit the same object. */
export function forecastsCut(all: Map<string, CountyForecast>, asOf: string, unit: string) {
  let byUnit = cuts.get(all);
  if (!byUnit) cuts.set(all, (byUnit = new Map()));
  let cut = byUnit.get(unit);
  if (!cut) byUnit.set(unit, (cut = { asOf, counties: [...all.values()].filter((f) => f.code.startsWith(unit)) }));
  return cut;
}

/** One county's gates ahead: what an overview's 截止日预警 shows of its forecast. */
export interface CountyGateForecast {
  code: string;
  gates: CountyForecast['gates'];
}
const gateCuts = new WeakMap<
  Map<string, CountyForecast>,
  Map<string, { asOf: string; counties: CountyGateForecast[] }>
>();

/**
 * The counties of `unit` with a gate deadline ahead, each with only its gates' forecasts: the overview pages' answer
 * (a province's whole forecast is some 540 KB of JSON, every targeted indicator of 119 counties, of which the
 * overview shows the gates). Kept per day's answer and unit, as `forecastsCut`.
 */
export function gateForecastsCut(all: Map<string, CountyForecast>, asOf: string, unit: string) {
  let byUnit = gateCuts.get(all);
  if (!byUnit) gateCuts.set(all, (byUnit = new Map()));
  let cut = byUnit.get(unit);
  if (!cut) {
    const counties = [...all.values()]
      .filter((f) => f.code.startsWith(unit) && f.gates.length > 0)
      .map((f) => ({ code: f.code, gates: f.gates }));
    byUnit.set(unit, (cut = { asOf, counties }));
  }
  return cut;
}
