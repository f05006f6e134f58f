import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as tables from '@dudao/schema/tables';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrationsFolder } from './paths';

export type Db = BetterSQLite3Database<typeof tables>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Opened {
  db: Db;
  close(): void;
  path: string;
}

export function openDb(path: string): Opened {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Number(process.env.DUDAO_BUSY_TIMEOUT_MS ?? 10000)}`);
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema: tables });
  immediateTransactions(db);
  migrate(db, { migrationsFolder });
  return { db, path, close: () => sqlite.close() };
}

/**
 * Every top-level transaction begins IMMEDIATE: it takes the write lock up front, so a second writer (a CLI import,
 * another API process) waits out busy_timeout instead of failing mid-transaction with SQLITE_BUSY.
 */
function immediateTransactions(db: Db): void {
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn, config) => deferred(fn, { behavior: 'immediate', ...config })) as Db['transaction'];
}

/** SQLite's "the database is locked" after busy_timeout: the caller gets a conflict to retry, never a 500. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** A foreign key the input named but the database does not hold (an unknown unit code). */
export function isMissingReference(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** A unique index refused the row: another writer took the number first (SQLite, or PostgreSQL's 23505). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
