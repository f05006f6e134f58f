import type { CampaignDef } from '@dudao/schema/campaign';
import { catchUp, onChanges, type Change } from '../../db/change-feed';
import { inTransaction, type Db } from '../../db/engine';
import type { Ctx } from '../context';

/**
 * The overview's answers other than status (report list, dispatch summary, supervision overview, urge counts), kept
 * per campaign version, as-of day and unit, today's included, until the change feed names that unit on or before
 * that day. Every row is stamped by the campaign clock and every read is bounded by the end of its as-of day, so an
 * answer changes only when a write adds a row stamped on or before its day; every table these answers read appends a
 * feed row naming the counties it touched (figure tables, and record tables since migration 0011), and `stampedWrite`
 * appends one naming every unit for a stamp before the clock's day. See docs/ENGINES.md "The overview's other answers,
 * kept per day and unit".
 *
 * Only reads that are a function of (campaign version, as-of day, unit, arguments) and of stamped rows of that unit
 * up to that day may be kept here. A kept answer is shared by every reader (and serialized once,
 * `server/fast-reads.ts`): nobody may change it.
 */

/** Answers kept per database, the oldest filed going first: a province's pages over a campaign need some thousands. */
const MAX_KEPT = 20_000;

/** A day's answers by the unit they are about (province, city or county code), then by name and arguments. */
type Day = Map<string, Map<string, Promise<unknown>>>;
type Days = Map<string, Day>;

interface Kept {
  /** Campaign code → version → day → unit → key → answer. */
  campaigns: Map<string, Map<CampaignDef, Days>>;
  /** Every kept answer in the order filed, for eviction. */
  order: Map<string, { days: Days; day: string; unit: string; key: string }>;
}

const kept = new WeakMap<Db, Kept>();

/** A change names unit `changed` (a county, or a city for an urge on its summary): answers about it or around it go. */
const touches = (unit: string, changed: string) => changed.startsWith(unit) || unit.startsWith(changed);

function drop(state: Kept, days: Days, change: Change): void {
  // Rows written before records named their units (an empty list) reach every unit, as '*' does.
  const units = change.units === null || change.units.length === 0 ? null : change.units;
  for (const [day, byUnit] of days) {
    if (day < change.fromDay) continue;
    // By unit, not by answer: a draft save on the 5th looks at the day's few units, not at every answer kept.
    for (const [unit, answers] of byUnit) {
      if (units && !units.some((u) => touches(unit, u))) continue;
      for (const key of answers.keys()) state.order.delete(orderKey(days, day, unit, key));
      byUnit.delete(unit);
    }
    if (byUnit.size === 0) days.delete(day);
  }
}

function keptOn(db: Db): Kept {
  let state = kept.get(db);
  if (state) return state;
  const created: Kept = { campaigns: new Map(), order: new Map() };
  state = created;
  kept.set(db, created);
  onChanges(db, (changes) => {
    for (const change of changes) {
      const versions =
        change.campaignCode === '*' ? [...created.campaigns.values()] : [created.campaigns.get(change.campaignCode)];
      for (const days of versions.flatMap((v) => [...(v?.values() ?? [])])) drop(created, days, change);
    }
  });
  return state;
}

// Each version's day map gets an id, so an eviction key names one campaign version.
const ids = new WeakMap<object, number>();
let nextId = 0;
function orderKey(days: object, day: string, unit: string, key: string): string {
  let id = ids.get(days);
  if (id === undefined) ids.set(days, (id = nextId++));
  return `${id}\n${day}\n${unit}\n${key}`;
}

/**
 * The answer of `compute` about `unit` at `asOf`, kept until a change reaches it; computed afresh inside a write
 * transaction (which may read its own uncommitted rows). `name` and `args` say which answer it is.
 */
export async function dayAnswer<T>(
  ctx: Ctx<'campaign'>,
  which: { name: string; asOf: string; unit: string; args?: unknown },
  compute: () => Promise<T>,
): Promise<T> {
  if (inTransaction(ctx.db)) return compute();
  const state = keptOn(ctx.db);
  await catchUp(ctx.db);
  const versions = state.campaigns.get(ctx.campaign.code) ?? new Map<CampaignDef, Days>();
  state.campaigns.set(ctx.campaign.code, versions);
  let days = versions.get(ctx.campaign);
  if (!days) versions.set(ctx.campaign, (days = new Map()));
  let byUnit = days.get(which.asOf);
  if (!byUnit) days.set(which.asOf, (byUnit = new Map()));
  let answers = byUnit.get(which.unit);
  if (!answers) byUnit.set(which.unit, (answers = new Map()));
  const key = `${which.name} ${JSON.stringify(which.args ?? null)}`;
  const hit = answers.get(key);
  if (hit) return hit as Promise<T>;
  // Filed before it reads: a change that arrives while it computes drops it.
  const pending = compute();
  answers.set(key, pending);
  const filed = orderKey(days, which.asOf, which.unit, key);
  state.order.set(filed, { days, day: which.asOf, unit: which.unit, key });
  const unitAnswers = answers;
  pending.catch(() => {
    if (unitAnswers.get(key) === pending) unitAnswers.delete(key);
    state.order.delete(filed);
  });
  while (state.order.size > MAX_KEPT) {
    const [oldest, where] = state.order.entries().next().value!;
    state.order.delete(oldest);
    where.days.get(where.day)?.get(where.unit)?.delete(where.key);
  }
  return pending;
}
