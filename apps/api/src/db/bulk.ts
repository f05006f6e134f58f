import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from './client';

/**
 * Inserts many rows through one prepared statement: drizzle builds the SQL once instead of per batch,
 * which is most of the cost of a roster or a national tree. Callers run it inside their transaction.
 */
export function bulkInsert<T extends SQLiteTable>(db: DbOrTx, table: T, rows: T['$inferInsert'][]): void {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first) as (keyof typeof first & string)[];
  const statement = db
    .insert(table)
    .values(Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as T['$inferInsert'])
    .prepare();
  for (const row of rows) statement.run(row as Record<string, unknown>);
}
