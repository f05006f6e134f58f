import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';
import { campaignColumn } from '../campaign/column';

export const supervisionVisits = sqliteTable(
  'supervision_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: campaignColumn(),
    countyCode: text('county_code')
      .notNull()
      .references(() => orgUnits.code),
    visitedOn: text('visited_on').notNull(),
    byLevel: text('by_level', { enum: ['city', 'province'] }).notNull(),
    visitors: text('visitors').notNull(),
    findings: text('findings').notNull(),
    recordedAt: text('recorded_at').notNull(),
    actorId: integer('actor_id'),
  },
  (t) => [index('supervision_visits_county_idx').on(t.campaignCode, t.countyCode)],
);

export const rectificationItems = sqliteTable(
  'rectification_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    visitId: integer('visit_id')
      .notNull()
      .references(() => supervisionVisits.id),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'done'] }).notNull(),
    evidence: text('evidence'),
    createdAt: text('created_at').notNull(),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by'),
  },
  (t) => [index('rectification_items_visit_idx').on(t.visitId)],
);

/** A correction or a voiding (作废) of a visit or item: the original row stays as recorded, each revision is a new row. */
export const supervisionRevisions = sqliteTable(
  'supervision_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    target: text('target', { enum: ['visit', 'item'] }).notNull(),
    targetId: integer('target_id').notNull(),
    action: text('action', { enum: ['correct', 'void'] }).notNull(),
    /** JSON of the corrected fields' new values; null for a voiding. */
    changes: text('changes'),
    reason: text('reason').notNull(),
    recordedAt: text('recorded_at').notNull(),
    actorId: integer('actor_id'),
  },
  (t) => [index('supervision_revisions_target_idx').on(t.target, t.targetId)],
);

/** Evidence files of a 销号, kept in the database so that a backup of the file holds them. */
export const rectificationEvidence = sqliteTable(
  'rectification_evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => rectificationItems.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    uploadedAt: text('uploaded_at').notNull(),
    actorId: integer('actor_id'),
  },
  (t) => [index('rectification_evidence_item_idx').on(t.itemId)],
);

export type SupervisionRevision = typeof supervisionRevisions.$inferSelect;
