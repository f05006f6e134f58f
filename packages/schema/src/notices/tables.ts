import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/tables';
import { campaignColumn } from '../campaign/column';

/** Event notices, written by the service that caused them (a submission, a return, an approval). */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: campaignColumn(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    unitCode: text('unit_code'),
    period: text('period'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('notices_user_idx').on(t.userId, t.campaignCode, t.createdAt)],
);

/** Read marks for event notices (`evt:<id>`) and for date reminders computed on the fly (`due:<county>:<period>:<when>`). */
export const noticeReads = sqliteTable(
  'notice_reads',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    readAt: text('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
