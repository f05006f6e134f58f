import { databaseOver, type Db, type EngineKind } from './engine';
import { isPostgresUrl, openPostgresDriver } from './postgres';
import { openSqliteDriver } from './sqlite';

export type { Db, DbOrTx, EngineKind } from './engine';
export { withTransaction, engineOf, changesOf, inTransaction } from './engine';

export interface Opened {
  db: Db;
  kind: EngineKind;
  /** The file path or the postgres:// URL it was opened from. */
  path: string;
  close(): Promise<void>;
}

/** `postgres://…` opens PostgreSQL, anything else a SQLite file; either is migrated to the current schema first. */
export async function openDb(location: string): Promise<Opened> {
  const driver = isPostgresUrl(location) ? await openPostgresDriver(location) : openSqliteDriver(location);
  return { db: databaseOver(driver), kind: driver.kind, path: location, close: () => driver.close() };
}

const codeOf = (e: unknown): unknown =>
  (e as { code?: unknown } | null)?.code ?? (e as { cause?: { code?: unknown } } | null)?.cause?.code;

/**
 * Another writer held the data past the wait (SQLite's "database is locked" after busy_timeout; PostgreSQL's
 * serialization failure, deadlock or lock timeout): the caller gets a conflict to retry, never a 500.
 */
export function isBusy(e: unknown): boolean {
  const code = codeOf(e);
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_BUSY') || code === '40001' || code === '40P01' || code === '55P03')
  );
}

/** A foreign key the input named but the database does not hold (an unknown unit code). */
export function isMissingReference(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** A unique index refused the row: another writer took the number first (SQLite, or PostgreSQL's 23505). */
export function isUniqueViolation(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** A number past the column's range (PostgreSQL's 32-bit integer; SQLite stores any 64-bit one): bad input, not a fault. */
export function isOutOfRange(e: unknown): boolean {
  return codeOf(e) === '22003';
}
