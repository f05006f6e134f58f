import { computeStatus, countyStatus, rankSteps, type CountyInput, type StatusResult } from '@dudao/metrics';
import { catchUp } from '../../db/change-feed';
import { inTransaction } from '../../db/engine';
import type { Ctx } from '../context';
import type { CountyShape } from '../org/shape';
import { cachedCountyShapes } from './county-shapes';
import { readCountyInputs, readKnownAt, readUnitsKnownAt, supervisionJudged, supervisionStart } from './read';
import { campaignCache, dayCache, type CampaignCache } from './status-cache';

/** Counties reread per list read; the event loop gets a turn between lists, so a cold day never holds it long. */
const LIST_READ = 20;
/** The longest stretch of judging before the event loop gets a turn, so writes are never starved by a recomputation. */
const SLICE_MS = 4;

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A pause to call between pieces of work: it gives the event loop a turn once `SLICE_MS` have passed since the last. */
function slices(): () => Promise<void> | undefined {
  let slice = performance.now();
  return () => {
    if (performance.now() - slice <= SLICE_MS) return undefined;
    return yieldTurn().then(() => {
      slice = performance.now();
    });
  };
}

/**
 * The inputs (lagging still null) of every county of the province on `asOf`: the cached ones as they are, the
 * missing ones reread. What is read is filed only if no change arrived meanwhile (the epoch is unchanged).
 */
async function inputsOn(
  ctx: Ctx<'campaign'>,
  cache: CampaignCache,
  shapes: CountyShape[],
  asOf: string,
): Promise<Map<string, CountyInput>> {
  const epoch = cache.epoch;
  const entry = dayCache(cache, asOf);
  const out = new Map<string, CountyInput>();
  const missing: CountyShape[] = [];
  for (const shape of shapes) {
    const input = entry.inputs.get(shape.code);
    if (input) out.set(shape.code, input);
    else missing.push(shape);
  }
  for (let i = 0; i < missing.length; i += LIST_READ) {
    if (i > 0) await yieldTurn();
    const part = missing.slice(i, i + LIST_READ);
    const read = await readCountyInputs(
      ctx,
      part.map((s) => s.code),
      part,
      asOf,
    );
    for (const input of read) {
      out.set(input.code, input);
      if (cache.epoch === epoch) entry.inputs.set(input.code, input);
    }
  }
  return out;
}

/** Each county's lagging on the supervision day, from that day's inputs. */
async function laggingAtStart(
  ctx: Ctx<'campaign'>,
  cache: CampaignCache,
  shapes: CountyShape[],
  start: string,
): Promise<Map<string, boolean>> {
  if (shapes.every((s) => cache.laggingAtStart.has(s.code))) return new Map(cache.laggingAtStart);
  const epoch = cache.epoch;
  const inputs = await inputsOn(ctx, cache, shapes, start);
  const out = new Map<string, boolean>();
  for (const shape of shapes) {
    const known = cache.laggingAtStart.get(shape.code);
    const lagging = known ?? countyStatus(inputs.get(shape.code)!, ctx.campaign, start).lagging;
    out.set(shape.code, lagging);
    if (known === undefined && cache.epoch === epoch) cache.laggingAtStart.set(shape.code, lagging);
  }
  return out;
}

/** The answer from the cached per-county parts, rereading and rejudging only the counties a change named. */
async function incremental(ctx: Ctx<'campaign'>, cache: CampaignCache, asOf: string): Promise<StatusResult> {
  const { campaign } = ctx;
  const scope = campaign.province;
  const shapes = await cachedCountyShapes(ctx, scope);
  const start = supervisionStart(campaign);
  // Taken before anything is read: a judgement made from data older than a change must not be filed after it.
  const epoch = cache.epoch;
  const lagging = supervisionJudged(campaign, asOf) ? await laggingAtStart(ctx, cache, shapes, start!) : null;
  const inputs = await inputsOn(ctx, cache, shapes, asOf);
  const entry = dayCache(cache, asOf);
  const pause = slices();
  const judged = [];
  for (const shape of shapes) {
    let county = entry.judged.get(shape.code);
    if (!county) {
      const input = inputs.get(shape.code)!;
      county = countyStatus(
        { ...input, laggingAtSupervision: lagging ? (lagging.get(shape.code) ?? false) : null },
        campaign,
        asOf,
      );
      if (cache.epoch === epoch) entry.judged.set(shape.code, county);
      await pause();
    }
    judged.push(county);
  }
  return ranked(await readUnitsKnownAt(ctx, scope, asOf), judged);
}

/** `rankStatus` with the event loop given a turn every slice: the nation's ranking is 150–200 ms of work. */
async function ranked(
  units: Parameters<typeof rankSteps>[0],
  judged: Parameters<typeof rankSteps>[1],
): Promise<StatusResult> {
  const steps = rankSteps(units, judged);
  const pause = slices();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/**
 * The metrics answer for the whole campaign province at the end of `asOf`.
 * Rankings are province-wide, so a narrower scope is cut from this answer, never computed alone.
 * Answers and their per-county parts are cached per campaign version and day, and dropped only as far as the change
 * feed says (docs/ENGINES.md "Change feed"): an unchanged answer is the same object. Read inside a write transaction
 * the answer is computed afresh and nothing is filed: a rollback would take back what it read.
 */
export async function provinceStatusAt(ctx: Ctx<'campaign'>, asOf: string): Promise<StatusResult> {
  if (inTransaction(ctx.db)) return computeProvinceStatusAt(ctx, asOf);
  await catchUp(ctx.db);
  const cache = campaignCache(ctx.db, ctx.campaign, supervisionStart(ctx.campaign));
  const entry = dayCache(cache, asOf);
  if (entry.answer) return entry.answer;
  // The answer being computed is filed at once: the readers that arrive after a write share one computation.
  const pending = incremental(ctx, cache, asOf);
  entry.answer = pending;
  pending.catch(() => {
    if (entry.answer === pending) entry.answer = null;
  });
  return pending;
}

/** The same answer computed afresh from the database, bypassing the answer caches: what the tests compare against. */
export async function computeProvinceStatusAt(ctx: Ctx<'campaign'>, asOf: string): Promise<StatusResult> {
  const { campaign } = ctx;
  const scope = campaign.province;
  let lagging: Map<string, boolean> | null = null;
  if (supervisionJudged(campaign, asOf)) {
    const atStart = computeStatus(await readKnownAt(ctx, scope, supervisionStart(campaign)!, null));
    lagging = new Map(atStart.counties.map((c) => [c.code, c.lagging]));
  }
  return computeStatus(await readKnownAt(ctx, scope, asOf, lagging));
}

export type ScopedStatus = Omit<StatusResult, 'province'> & { province: StatusResult['province'] | null };

/**
 * Cuts the province answer to `unit`: its counties, the cities inside it, and the province block only for the
 * province itself, so nobody reads figures of units outside their scope.
 */
export function cutToUnit(result: StatusResult, unit: string): ScopedStatus {
  if (unit === result.province.code) return result;
  // Kept per answer: an unchanged answer gives every reader of a unit the same cut (serialized once, fast-reads.ts).
  let cuts = cutsOf.get(result);
  if (!cuts) cutsOf.set(result, (cuts = new Map()));
  let cut = cuts.get(unit);
  if (!cut) {
    cut = {
      ...result,
      province: null,
      cities: result.cities.filter((c) => c.code.startsWith(unit)),
      counties: result.counties.filter((c) => c.code.startsWith(unit)),
    };
    cuts.set(unit, cut);
  }
  return cut;
}

const cutsOf = new WeakMap<StatusResult, Map<string, ScopedStatus>>();
