import type { CampaignDef } from '@dudao/schema/campaign';
import type { Db } from '../db/engine';
import { systemActor, type Actor } from './actor';

import { beijingDate } from '@dudao/schema/campaign';
import { noteRecordsFrom } from '../db/change-feed';
import { openTransaction, withTransaction, type RecordLock } from '../db/engine';
import { clockFromRows, newestSettingRead, readClock, type ClockReading } from './clock/clock';
import { lockOn } from './locks';

export { withTransaction, lockOn };

/** The wall clock the campaign clock runs from (a simulated clock advances with it); tests may hand their own. */
export interface WallClock {
  wall(): Date;
}

export const systemClock: WallClock = { wall: () => new Date() };

/**
 * What every service is called with: the database (or the transaction it runs in), the campaign the call works in,
 * who acts, and the wall clock. Built once per request (tRPC `guarded`, the file routes) or per CLI command.
 */
export interface ServiceContext {
  db: Db;
  campaign: CampaignDef;
  actor: Actor;
  clock: WallClock;
}

/** The part of the context a service needs: `Ctx` is the database alone, `Ctx<'campaign' | 'actor'>` adds those. */
export type Ctx<K extends Exclude<keyof ServiceContext, 'db'> = never> = Pick<ServiceContext, 'db' | K>;

/** A context for work outside a request: the command line, the demo generator, a test's set-up. */
export function serviceContext(
  db: Db,
  campaign: CampaignDef,
  actor: Actor = systemActor,
  clock: WallClock = systemClock,
): ServiceContext {
  return { db, campaign, actor, clock };
}

/** A write running longer than this looks at the clock again before it commits (it may have run past midnight). */
const LONG_WRITE_MS = 20_000;

/**
 * A write in one transaction, holding the records it judges (`lockOn`), stamped by the campaign clock read inside it
 * after the locks are taken, so stamps follow commit order; a caller back-filling history (the demo, `--at`) gives its
 * own time instead.
 *
 * A stamp before the clock's day reaches a day whose answers may be kept (`known/day-answers.ts`): the
 * write notes that day on the change feed. The clock is held shared meanwhile, so it cannot be set past a write
 * in flight; a write that ran long reads the clock again, in case it ran past midnight.
 */
export function stampedWrite<C extends Ctx, T>(
  ctx: C,
  write: { at: string | undefined; locks: readonly RecordLock[] },
  fn: (ctx: C, at: string) => Promise<T>,
): Promise<T> {
  // The clock held shared, then the records: a write holding records never waits for the clock, so a clock being set
  // (waiting for the writes in flight) and the writes cannot wait on each other in a circle. The clock is read after
  // both are held, in the same round trip on PostgreSQL.
  const opening = { shared: [lockOn.clock()], locks: write.locks, read: newestSettingRead };
  return openTransaction(ctx, opening, (ctx, rows) => stamped(ctx, write.at, clockFromRows(rows, ctx), fn));
}

/** Runs `fn` stamped by the clock (or `given`), noting the stamp's day on the feed when it lies before the clock's. */
async function stamped<C extends Ctx, T>(
  ctx: C,
  given: string | undefined,
  clock: ClockReading,
  fn: (ctx: C, at: string) => Promise<T>,
): Promise<T> {
  const at = given ?? clock.now;
  const started = Date.now();
  const result = await fn(ctx, at);
  const today = Date.now() - started > LONG_WRITE_MS ? (await readClock(ctx)).today : clock.today;
  if (beijingDate(at) < today) await noteRecordsFrom(ctx.db, beijingDate(at));
  return result;
}
