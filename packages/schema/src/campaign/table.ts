import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A campaign definition is versioned: a settings change is a new row, never an edit. */
export const campaigns = sqliteTable(
  'campaigns',
  {
    code: text('code').notNull(),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);
