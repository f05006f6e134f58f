/**
 * Most values one statement may bind, per engine: SQLite's compiled-in limit is 999 (900 leaves room for a
 * statement's own parameters); PostgreSQL's wire protocol counts parameters in 16 bits (65,535).
 */
export const SQLITE_MAX_PARAMETERS = 900;
export const POSTGRES_MAX_PARAMETERS = 65_000;

/** The limit of the engine the synchronous services run on. */
export const MAX_PARAMETERS = SQLITE_MAX_PARAMETERS;

/** `list` cut into runs that each fit one statement's parameters. */
export function inChunks<T>(list: T[], size = MAX_PARAMETERS): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
}
