import { AsyncLocalStorage } from 'node:async_hooks';
import { desc, gt, inArray, or, sql } from 'drizzle-orm';
import { changeFeed } from '@dudao/schema/tables';
import { inTransaction, type Db } from './engine';
import { preparedFor } from './prepared';

/**
 * One write's reach: the campaign ('*' all), the first as-of day it can change, the units it named (null: all; empty:
 * none, in rows written before records fed the feed), and whether it wrote figures or only records (report workflow,
 * dispatch, urges, rectification), which no status or forecast reads.
 */
export interface Change {
  campaignCode: string;
  fromDay: string;
  units: string[] | null;
  kind: 'figures' | 'records';
}

/**
 * On PostgreSQL an id is taken when the row is written and seen only at commit, so a lower id can appear after a
 * higher one was read: each id missing below the highest seen is a gap, re-read until it fills. A gap older than
 * this is a rolled-back write (its id never comes); it is then given up and every cached answer dropped, in case.
 */
const GAP_TIMEOUT_MS = 10 * 60_000;
const MAX_GAPS = 2_000;
/** How far below the newest id a process starting up looks for writes still uncommitted. */
const START_WINDOW = 512;

interface FeedState {
  /** The highest id seen; every id at or below it was seen, or is a gap. */
  high: number;
  /** Missing ids below `high` → when first missed (ms). */
  gaps: Map<number, number>;
  listeners: Set<(changes: Change[]) => void>;
  started: boolean;
  /** The read in progress, and the one queued behind it (joined by every caller until it starts). */
  running: Promise<void> | null;
  queued: Promise<void> | null;
  /** When (`moments`) the read in progress began, and the last read that ended well. */
  runningSince: number;
  doneSince: number;
}

/**
 * Moments in order, taken when a read-only request arrives and when a feed read begins: a read begun after a request
 * arrived has seen every write committed before it, and that request needs no other.
 */
let moments = 0;
const arrivals = new AsyncLocalStorage<number>();

/**
 * Runs a request that writes nothing (a GET query) as arrived now: its catch-ups are satisfied by any feed read begun
 * since, and one is begun at once, beside its first statement (the session's), instead of after it. A request that
 * writes is never run so: a read after its own commit must begin after that commit.
 */
export function asReadArrivedNow<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  return arrivals.run(++moments, () => {
    catchUp(db).catch(() => {});
    return fn();
  });
}

const states = new WeakMap<Db, FeedState>();

function stateOf(db: Db): FeedState {
  let state = states.get(db);
  if (!state) {
    state = {
      high: 0,
      gaps: new Map(),
      listeners: new Set(),
      started: false,
      running: null,
      queued: null,
      runningSince: 0,
      doneSince: 0,
    };
    states.set(db, state);
  }
  return state;
}

/** Calls `listener` with the changes each catch-up finds (the caches of this process subscribe). */
export function onChanges(db: Db, listener: (changes: Change[]) => void): void {
  stateOf(db).listeners.add(listener);
}

function parse(row: { campaignCode: string; fromDay: string; counties: string; kind: Change['kind'] }): Change {
  return {
    campaignCode: row.campaignCode,
    fromDay: row.fromDay,
    units: row.counties === '*' ? null : row.counties === '' ? [] : row.counties.split(','),
    kind: row.kind,
  };
}

// Every request reads the feed: the usual read (no gaps) is one statement built once per database.
const rowsAfter = preparedFor((db) =>
  db
    .select()
    .from(changeFeed)
    .where(gt(changeFeed.id, sql.placeholder('high')))
    .orderBy(changeFeed.id)
    .prepare(),
);

async function readOnce(db: Db, state: FeedState): Promise<void> {
  if (!state.started) {
    // Nothing is cached yet, so only the ids below the newest that may still commit matter: they start as gaps.
    const newest = await db.select({ id: changeFeed.id }).from(changeFeed).orderBy(desc(changeFeed.id)).limit(1).get();
    state.high = Math.max(0, (newest?.id ?? 0) - START_WINDOW);
    state.started = true;
  }
  const gapIds = [...state.gaps.keys()];
  const rows =
    gapIds.length > 0
      ? await db
          .select()
          .from(changeFeed)
          .where(or(gt(changeFeed.id, state.high), inArray(changeFeed.id, gapIds)))
          .orderBy(changeFeed.id)
          .all()
      : await rowsAfter(db).all({ high: state.high });
  const now = Date.now();
  const changes: Change[] = [];
  for (const row of rows) {
    if (row.id > state.high) {
      for (let id = state.high + 1; id < row.id; id++) state.gaps.set(id, now);
      state.high = row.id;
    } else if (!state.gaps.delete(row.id)) continue;
    changes.push(parse(row));
  }
  let expired = false;
  for (const [id, since] of state.gaps) {
    if (now - since > GAP_TIMEOUT_MS || state.gaps.size > MAX_GAPS) {
      state.gaps.delete(id);
      expired = true;
    }
  }
  if (expired) changes.push({ campaignCode: '*', fromDay: '0000-01-01', units: null, kind: 'figures' });
  if (changes.length > 0) for (const listener of state.listeners) listener(changes);
}

/**
 * Reads the feed rows this process has not seen (one indexed range read) and hands them to the caches. Callers
 * arriving while a read runs join the one queued behind it, which starts after they arrived: it sees every write
 * committed before their call. Inside a write transaction nothing is read: reads there bypass the caches.
 */
export function catchUp(db: Db): Promise<void> {
  if (inTransaction(db)) return Promise.resolve();
  const state = stateOf(db);
  const arrived = arrivals.getStore();
  if (arrived !== undefined) {
    if (state.doneSince > arrived) return Promise.resolve();
    if (state.running && state.runningSince > arrived) return state.running;
  }
  if (state.queued) return state.queued;
  const after = state.running ?? Promise.resolve();
  let since = 0;
  const next: Promise<void> = after
    .catch(() => {})
    .then(() => {
      state.queued = null;
      state.running = next;
      state.runningSince = since = ++moments;
      return readOnce(db, state);
    })
    .then(() => {
      state.doneSince = Math.max(state.doneSince, since);
    })
    .finally(() => {
      if (state.running === next) state.running = null;
    });
  state.queued = next;
  return next;
}

/**
 * Says on the feed that a write stamped before the clock's day (a back-fill, or a write that ran past midnight)
 * reached `fromDay`, for every unit: the triggers name the units of each record the overview's answers read, and this
 * one append made by code (from `stampedWrite`, which alone knows a stamp's day) covers any record they do not.
 */
export async function noteRecordsFrom(db: Db, fromDay: string): Promise<void> {
  // Written without an id, as the triggers write: the table's own sequence numbers it on both engines.
  await db.run(
    sql`insert into change_feed (campaign_code, from_day, counties, kind, recorded_at) values ('*', ${fromDay}, '*', 'records', ${new Date().toISOString()})`,
  );
}
