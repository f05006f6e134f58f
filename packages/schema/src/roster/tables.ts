import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';
import { campaignColumn } from '../campaign/column';

/** Each upload is a whole roster; the newest one known at t is the county's roster at t. */
export const rosterUploads = sqliteTable(
  'roster_uploads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: campaignColumn(),
    countyCode: text('county_code')
      .notNull()
      .references(() => orgUnits.code),
    uploadedAt: text('uploaded_at').notNull(),
    actorId: integer('actor_id'),
    actor: text('actor').notNull(),
    fileName: text('file_name'),
    rowCount: integer('row_count').notNull(),
  },
  (t) => [index('roster_uploads_county_idx').on(t.campaignCode, t.countyCode, t.uploadedAt)],
);

export const rosterRows = sqliteTable(
  'roster_rows',
  {
    uploadId: integer('upload_id')
      .notNull()
      .references(() => rosterUploads.id),
    villageCode: text('village_code').notNull(),
    villageName: text('village_name').notNull(),
    longTermRecipients: integer('long_term_recipients').notNull(),
    civilAffairsMember: integer('civil_affairs_member', { mode: 'boolean' }).notNull(),
    coordinators: integer('coordinators').notNull(),
    coordinatorsFullTime: integer('coordinators_full_time').notNull(),
    coordinatorPay: real('coordinator_pay'),
    stations: integer('stations').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.villageCode] })],
);
export type RosterRow = typeof rosterRows.$inferSelect;
