import type { Ctx } from '../context';
import { countyShapes, type CountyShape } from '../org/shape';

// The tree only changes on db:reset, which opens a new Db, so caching per Db object is exact.
const cache = new WeakMap<object, Map<string, CountyShape[]>>();

export async function cachedCountyShapes(ctx: Ctx, scopeCode: string): Promise<CountyShape[]> {
  const perDb = cache.get(ctx.db) ?? new Map<string, CountyShape[]>();
  cache.set(ctx.db, perDb);
  let shapes = perDb.get(scopeCode);
  if (!shapes) {
    shapes = await countyShapes(ctx, scopeCode);
    perDb.set(scopeCode, shapes);
  }
  return shapes;
}
