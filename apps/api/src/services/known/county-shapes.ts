import type { Db, DbOrTx } from '../../db/client';
import { countyShapes, type CountyShape } from '../org/shape';

// The tree only changes on db:reset, which opens a new Db, so caching per Db object is exact.
const cache = new WeakMap<object, Map<string, CountyShape[]>>();

export function cachedCountyShapes(db: DbOrTx, scopeCode: string): CountyShape[] {
  const perDb = cache.get(db as Db) ?? new Map<string, CountyShape[]>();
  cache.set(db as Db, perDb);
  let shapes = perDb.get(scopeCode);
  if (!shapes) {
    shapes = countyShapes(db, scopeCode);
    perDb.set(scopeCode, shapes);
  }
  return shapes;
}
