import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './engine';
import { maxParameters } from './limits';

/**
 * Inserts many rows in as few multi-row statements as the engine's parameter limit allows: one round trip per chunk
 * instead of per row, which is most of the cost of a roster or a national tree on PostgreSQL. Callers run it inside
 * their transaction.
 */
export async function bulkInsert<T extends SQLiteTable>(db: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  // drizzle binds every column of the table for each row (null where a row leaves one out).
  const perRow = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.floor(maxParameters(db) / perRow));
  for (let i = 0; i < rows.length; i += size)
    await db
      .insert(table)
      .values(rows.slice(i, i + size))
      .run();
}
