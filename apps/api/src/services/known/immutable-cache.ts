import { inTransaction } from '../../db/engine';
import type { Ctx } from '../context';

/**
 * Uploads and submissions are append-only: the rows behind an id never change once written.
 * So rows read once for an id can be served from memory for as long as the database is open, whatever another
 * process writes: children commit in the same transaction as their parent's id.
 */
const caches = new WeakMap<object, Map<string, Map<number, unknown>>>();
const MAX_IDS = 200_000;

export async function cachedById<T>(
  ctx: Ctx,
  kind: string,
  ids: number[],
  load: (missing: number[]) => Promise<Map<number, T>>,
): Promise<Map<number, T>> {
  const perDb = caches.get(ctx.db) ?? new Map<string, Map<number, unknown>>();
  caches.set(ctx.db, perDb);
  const cache = (perDb.get(kind) ?? new Map<number, unknown>()) as Map<number, T>;
  perDb.set(kind, cache);
  // What the cache holds now is taken before any await: another call may clear the cache while this one loads.
  const found = new Map<number, T>();
  const missing: number[] = [];
  for (const id of ids) {
    if (cache.has(id)) found.set(id, cache.get(id)!);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const loaded = await load(missing);
    // Rows read inside a write transaction may yet be rolled back, and SQLite then hands their ids out again.
    if (inTransaction(ctx.db)) {
      for (const id of missing) found.set(id, loaded.get(id) ?? ([] as unknown as T));
      return new Map(ids.map((id) => [id, found.get(id)!]));
    }
    if (cache.size + missing.length > MAX_IDS) cache.clear();
    for (const id of missing) {
      const rows = loaded.get(id) ?? ([] as unknown as T);
      cache.set(id, rows);
      found.set(id, rows);
    }
  }
  return new Map(ids.map((id) => [id, found.get(id)!]));
}
