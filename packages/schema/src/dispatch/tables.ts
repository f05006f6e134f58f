import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';
import { campaignColumn } from '../campaign/column';

/** 督办单: issued by a city (to its counties) or the province (to any); its quotes are frozen as of the issue day. */
export const dispatchOrders = sqliteTable('dispatch_orders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignCode: campaignColumn(),
  issuerUnit: text('issuer_unit')
    .notNull()
    .references(() => orgUnits.code),
  title: text('title').notNull(),
  matter: text('matter').notNull(),
  level: text('level', { enum: ['normal', 'key'] }).notNull(),
  deadline: text('deadline').notNull(),
  /** JSON: the linked indicators / lagging reasons with their figures on the issue day. */
  quotes: text('quotes').notNull(),
  issuedAt: text('issued_at').notNull(),
  actorId: integer('actor_id'),
  actor: text('actor').notNull(),
});

/** One county's copy of an order; its state is the fold of its events. */
export const dispatchCopies = sqliteTable(
  'dispatch_copies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => dispatchOrders.id),
    campaignCode: campaignColumn(),
    countyCode: text('county_code')
      .notNull()
      .references(() => orgUnits.code),
  },
  (t) => [
    index('dispatch_copies_order_idx').on(t.orderId),
    index('dispatch_copies_county_idx').on(t.campaignCode, t.countyCode),
  ],
);

export const dispatchEvents = sqliteTable(
  'dispatch_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    copyId: integer('copy_id')
      .notNull()
      .references(() => dispatchCopies.id),
    campaignCode: campaignColumn(),
    action: text('action', { enum: ['issue', 'sign', 'feedback', 'sendBack', 'close'] }).notNull(),
    text: text('text'),
    askClose: integer('ask_close', { mode: 'boolean' }).notNull().default(false),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actor: text('actor').notNull(),
  },
  (t) => [index('dispatch_events_copy_idx').on(t.copyId, t.at)],
);

/** Files attached to a feedback, kept in the database so a backup of the file carries them. */
export const dispatchFiles = sqliteTable(
  'dispatch_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    copyId: integer('copy_id')
      .notNull()
      .references(() => dispatchCopies.id),
    eventId: integer('event_id').references(() => dispatchEvents.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    uploadedAt: text('uploaded_at').notNull(),
    actorId: integer('actor_id'),
  },
  (t) => [index('dispatch_files_copy_idx').on(t.copyId)],
);

/** 催报 / 催办: one row per press, counted where the missing item is listed. */
export const urges = sqliteTable(
  'urges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: campaignColumn(),
    kind: text('kind', { enum: ['report', 'roster', 'summary', 'dispatch'] }).notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => orgUnits.code),
    period: text('period'),
    orderId: integer('order_id').references(() => dispatchOrders.id),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actor: text('actor').notNull(),
  },
  (t) => [index('urges_unit_idx').on(t.campaignCode, t.unitCode, t.kind)],
);
