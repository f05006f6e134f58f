import { driverOf, type Db } from './engine';

/**
 * Most values one statement may bind, per engine: SQLite's compiled-in limit is 999 (900 leaves room for a
 * statement's own parameters); PostgreSQL's wire protocol counts parameters in 16 bits (65,535).
 */
export const SQLITE_MAX_PARAMETERS = 900;
export const POSTGRES_MAX_PARAMETERS = 65_000;

export function maxParameters(db: Db): number {
  return driverOf(db).maxParameters;
}

/** `list` cut into runs that each fit one statement's parameters on `db`'s engine (minus `reserved` of its own). */
export function inChunks<T>(db: Db, list: T[], reserved = 0): T[][] {
  const size = Math.max(1, maxParameters(db) - reserved);
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
}
