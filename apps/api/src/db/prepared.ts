import type { Db, DbOrTx } from './client';

/**
 * Hot read paths (every request's session, every status call's data version) prepare their statement once per
 * database: drizzle otherwise rebuilds and re-prepares the SQL on each call, which dominated request time.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<object, T>();
  return (db) => {
    let statement = cache.get(db);
    if (!statement) {
      statement = build(db as Db);
      cache.set(db, statement);
    }
    return statement;
  };
}
