import { catchUp, onChanges } from './change-feed';
import { inTransaction, type Db } from './engine';

interface Kept<T> {
  value: Promise<T> | null;
}

/**
 * A value only a write reaching every county can change (the clock's setting, the installed campaigns), read once
 * per database and kept until the change feed names such a write: every request reads it, and reading it from the
 * database each time cost a fifth of a cached status read. Read inside a write transaction it comes from the
 * database, so a transaction sees its own setting.
 */
export function memoOnFeed<T>(load: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const kept = new WeakMap<Db, Kept<T>>();
  return async (db) => {
    if (inTransaction(db)) return load(db);
    await catchUp(db);
    let entry = kept.get(db);
    if (!entry) {
      const created: Kept<T> = { value: null };
      entry = created;
      kept.set(db, created);
      // A load in flight is dropped with the rest: it may have read before the change.
      onChanges(db, (changes) => {
        if (changes.some((c) => c.units === null && c.kind === 'figures')) created.value = null;
      });
    }
    if (entry.value) return entry.value;
    const pending = load(db);
    const owner = entry;
    owner.value = pending;
    pending.catch(() => {
      if (owner.value === pending) owner.value = null;
    });
    return pending;
  };
}
