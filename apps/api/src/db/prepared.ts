import type { Db } from './engine';

/**
 * Hot read paths (every request's session, every status call's data version) build their statement once per
 * database: drizzle otherwise rebuilds the SQL text on each call, which dominated request time.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<object, T>();
  return (db) => {
    let statement = cache.get(db);
    if (!statement) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}
