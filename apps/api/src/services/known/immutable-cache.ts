import type { DbOrTx } from '../../db/client';

/**
 * Uploads and submissions are append-only: the rows behind an id never change once written.
 * So rows read once for an id can be served from memory for as long as the database is open, whatever another
 * process writes: children commit in the same transaction as their parent's id.
 */
const caches = new WeakMap<object, Map<string, Map<number, unknown>>>();
const MAX_IDS = 200_000;

export function cachedById<T>(db: DbOrTx, kind: string, ids: number[], load: (missing: number[]) => Map<number, T>): Map<number, T> {
  const perDb = caches.get(db) ?? new Map<string, Map<number, unknown>>();
  caches.set(db, perDb);
  const cache = (perDb.get(kind) ?? new Map<number, unknown>()) as Map<number, T>;
  perDb.set(kind, cache);
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length > 0) {
    if (cache.size + missing.length > MAX_IDS) cache.clear();
    const loaded = load(missing);
    for (const id of missing) cache.set(id, loaded.get(id) ?? ([] as unknown as T));
  }
  return new Map(ids.map((id) => [id, cache.get(id)!]));
}
