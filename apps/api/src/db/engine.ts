import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import * as tables from '@dudao/schema/tables';

/**
 * One query API for both engines: drizzle's SQLite builder over a proxy driver. The builder writes standard SQL
 * for our tables (quoted names, `?` parameters, `on conflict`, `returning`); each engine's driver runs it
 * (`db/sqlite.ts`, `db/postgres.ts`), so a service is written once and never knows which engine it is on.
 */
export type Db = SqliteRemoteDatabase<typeof tables>;
export type DbOrTx = Db;
export type EngineKind = 'sqlite' | 'postgres';
export type Method = 'run' | 'all' | 'values' | 'get';

export interface Result {
  rows: unknown;
  /** Rows a `run` changed (compare-and-set checks read it). */
  changes?: number;
}

export interface Connection {
  query(sql: string, params: unknown[], method: Method): Promise<Result>;
}

/**
 * What a transaction takes before its work runs: advisory locks held shared, then held alone (PostgreSQL; SQLite has
 * one writer), then one read without parameters whose rows (as arrays) the work is handed. On PostgreSQL all of it
 * rides in the round trip that says BEGIN, each statement still seeing what committed before it began.
 */
export interface Opening {
  shared: readonly string[];
  exclusive: readonly string[];
  read: string | null;
}

export interface Driver {
  kind: EngineKind;
  /** Most values one statement may bind. */
  maxParameters: number;
  /** A statement outside any transaction. */
  autocommit: Connection['query'];
  /**
   * Runs `fn` with a connection inside one transaction, after its opening: committed when it resolves, rolled back
   * when it throws.
   */
  transaction<T>(fn: (connection: Connection, read: unknown[][]) => Promise<T>, opening: Opening): Promise<T>;
  close(): Promise<void>;
}

interface Open {
  driver: Driver;
  connection: Connection;
}

/**
 * The transaction the current async call chain runs in. A statement issued anywhere inside `withTransaction`'s
 * callback, through any handle of the same database, joins it: a service can never deadlock against its own open
 * transaction by reaching for another handle.
 */
const current = new AsyncLocalStorage<Open>();
const drivers = new WeakMap<object, Driver>();

export function databaseOver(driver: Driver): Db {
  const db = drizzle(
    async (sql, params, method) => {
      const open = current.getStore();
      const result =
        open && open.driver === driver
          ? await open.connection.query(sql, params, method)
          : await driver.autocommit(sql, params, method);
      return result as { rows: unknown[] };
    },
    { schema: tables },
  );
  drivers.set(db, driver);
  return db;
}

export function driverOf(db: Db): Driver {
  const driver = drivers.get(db);
  if (!driver) throw new Error('该数据库句柄不是由 openDb 打开的');
  return driver;
}

export function engineOf(db: Db): EngineKind {
  return driverOf(db).kind;
}

export function inTransaction(db: Db): boolean {
  return current.getStore()?.driver === drivers.get(db);
}

/**
 * A record a write judges before it changes it (a report, a dispatch copy, a rectification item, the clock…). Only
 * `services/locks.ts` names one, so every lock of the codebase is listed in one place.
 */
export type RecordLock = string & { readonly recordLock: unique symbol };

/**
 * Runs `fn` in one transaction of `ctx.db` (the openstatus pattern: services open transactions, adapters never do),
 * holding `locks` from before `fn` reads anything until the transaction ends. A write names every record whose state
 * it judges; an empty list says it judges none (a pure append). Inside a transaction already, `fn` joins it and its
 * locks are taken too, so a service may call another that opens its own.
 */
export function withTransaction<C extends { db: Db }, T>(
  ctx: C,
  locks: readonly RecordLock[],
  fn: (ctx: C) => Promise<T>,
): Promise<T> {
  return openTransaction(ctx, { locks }, (ctx) => fn(ctx));
}

/**
 * `withTransaction` that also holds `shared` locks (taken first: writes holding one run side by side, and a write
 * holding it alone waits for them all, and they for it) and hands `fn` the rows of `read`, one SQL text without
 * parameters read after every lock is held. On PostgreSQL a new transaction's locks and read cost no round trip of
 * their own: each one a write makes waits for the API's busy event loop and for the server's turn on the cores.
 */
export async function openTransaction<C extends { db: Db }, T>(
  ctx: C,
  opening: { shared?: readonly RecordLock[]; locks: readonly RecordLock[]; read?: string },
  fn: (ctx: C, read: unknown[][]) => Promise<T>,
): Promise<T> {
  const driver = driverOf(ctx.db);
  // Taken in one order (sorted), so two writes locking the same records cannot deadlock on each other.
  const shared = [...new Set(opening.shared ?? [])].sort();
  const exclusive = [...new Set(opening.locks)].sort();
  const read = opening.read ?? null;
  if (current.getStore()?.driver !== driver)
    return driver.transaction(
      (connection, rows) => current.run({ driver, connection }, () => fn(ctx, rows)),
      driver.kind === 'postgres' ? { shared, exclusive, read } : { shared: [], exclusive: [], read },
    );
  if (driver.kind === 'postgres') {
    for (const key of shared) await ctx.db.run(sql`select pg_advisory_xact_lock_shared(hashtext(${key}))`);
    for (const key of exclusive) await ctx.db.run(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  }
  return fn(ctx, read === null ? [] : await ctx.db.all<unknown[]>(sql.raw(read)));
}

/** Rows a write changed, from a `.run()` result (a lost compare-and-set changes none). */
export function changesOf(result: unknown): number {
  return (result as Result).changes ?? 0;
}
