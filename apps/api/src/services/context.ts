import type { CampaignDef } from '@dudao/schema/campaign';
import type { Db } from '../db/engine';
import { systemActor, type Actor } from './actor';

import { withTransaction, type RecordLock } from '../db/engine';
import { clockNow } from './clock/clock';

export { withTransaction };
export { lockOn } from './locks';

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

/**
 * A write in one transaction, holding the records it judges (`lockOn`), stamped by the campaign clock read inside it
 * after the locks are taken, so stamps follow commit order; a caller back-filling history (the demo, `--at`) gives its
 * own time instead.
 */
export function stampedWrite<C extends Ctx, T>(
  ctx: C,
  write: { at: string | undefined; locks: readonly RecordLock[] },
  fn: (ctx: C, at: string) => Promise<T>,
): Promise<T> {
  return withTransaction(ctx, write.locks, async (ctx) => fn(ctx, write.at ?? (await clockNow(ctx)).toISOString()));
}
