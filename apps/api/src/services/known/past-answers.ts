import { endOfBeijingDay, type CampaignDef } from '@dudao/schema/campaign';
import { catchUp, onChanges } from '../../db/change-feed';
import { inTransaction, type Db } from '../../db/engine';
import { readClock } from '../clock/clock';
import type { Ctx } from '../context';

/**
 * Answers about a settled day, kept until the change feed names that day. Every row is stamped by the campaign clock
 * and every read is bounded by the end of its as-of day, so once the clock has passed a day its answers cannot change
 * unless a write is stamped into it: a figure row's trigger says so, and `stampedWrite` says so for a record written
 * with an earlier stamp (a back-fill, or a write that ran past midnight). See docs/ENGINES.md "Settled days".
 *
 * Only reads that are a function of (campaign version, as-of day, arguments) and of stamped rows up to that day may be
 * kept here: the overview's report list, dispatch summary, supervision overview and urge counts. A kept answer is
 * shared by every reader (and serialized once, `server/fast-reads.ts`): nobody may change it.
 */

/**
 * A day counts as settled a minute after it ended on the clock: a write stamped just before midnight commits within
 * it (a longer one looks at the clock again before it commits and notes its day on the feed).
 */
export const SETTLE_MS = 60_000;
/** Answers kept per database, the oldest filed going first: a province's pages over a campaign need some thousands. */
const MAX_KEPT = 20_000;

interface Kept {
  /** Campaign code → version → day → key → answer. */
  campaigns: Map<string, Map<CampaignDef, Map<string, Map<string, Promise<unknown>>>>>;
  /** Every kept answer in the order filed, for eviction. */
  order: Map<string, { days: Map<string, Map<string, Promise<unknown>>>; day: string; key: string }>;
}

const kept = new WeakMap<Db, Kept>();

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
      for (const days of versions.flatMap((v) => [...(v?.values() ?? [])])) {
        for (const [day, answers] of days) {
          if (day < change.fromDay) continue;
          for (const key of answers.keys()) created.order.delete(orderKey(days, day, key));
          days.delete(day);
        }
      }
    }
  });
  return state;
}

// Each version's day map gets an id, so an eviction key names one campaign version.
const ids = new WeakMap<object, number>();
let nextId = 0;
function orderKey(days: object, day: string, key: string): string {
  let id = ids.get(days);
  if (id === undefined) ids.set(days, (id = nextId++));
  return `${id}\n${day}\n${key}`;
}

/**
 * The answer of `compute` for `asOf`, kept if the day is settled on the clock; computed afresh for today, and inside
 * a write transaction (which may read its own uncommitted rows). `name` and `args` say which answer it is.
 */
export async function pastAnswer<T>(
  ctx: Ctx<'campaign'>,
  name: string,
  asOf: string,
  args: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  if (inTransaction(ctx.db)) return compute();
  const { now } = await readClock(ctx);
  if (Date.parse(now) < Date.parse(endOfBeijingDay(asOf)) + SETTLE_MS) return compute();
  const state = keptOn(ctx.db);
  await catchUp(ctx.db);
  const versions =
    state.campaigns.get(ctx.campaign.code) ?? new Map<CampaignDef, Map<string, Map<string, Promise<unknown>>>>();
  state.campaigns.set(ctx.campaign.code, versions);
  let days = versions.get(ctx.campaign);
  if (!days) versions.set(ctx.campaign, (days = new Map()));
  let answers = days.get(asOf);
  if (!answers) days.set(asOf, (answers = new Map()));
  const key = `${name} ${JSON.stringify(args)}`;
  const hit = answers.get(key);
  if (hit) return hit as Promise<T>;
  // Filed before it reads: a change that arrives while it computes drops it with the rest of its day.
  const pending = compute();
  answers.set(key, pending);
  const filed = orderKey(days, asOf, key);
  state.order.set(filed, { days, day: asOf, key });
  const dayAnswers = answers;
  pending.catch(() => {
    if (dayAnswers.get(key) === pending) dayAnswers.delete(key);
    state.order.delete(filed);
  });
  while (state.order.size > MAX_KEPT) {
    const [oldest, where] = state.order.entries().next().value!;
    state.order.delete(oldest);
    where.days.get(where.day)?.delete(where.key);
  }
  return pending;
}
