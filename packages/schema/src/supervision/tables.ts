import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';

export const supervisionVisits = sqliteTable(
  'supervision_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    countyCode: text('county_code').notNull().references(() => orgUnits.code),
    visitedOn: text('visited_on').notNull(),
    byLevel: text('by_level', { enum: ['city', 'province'] }).notNull(),
    visitors: text('visitors').notNull(),
    findings: text('findings').notNull(),
    recordedAt: text('recorded_at').notNull(),
    actorId: integer('actor_id'),
  },
  (t) => [index('supervision_visits_county_idx').on(t.countyCode)],
);

export const rectificationItems = sqliteTable(
  'rectification_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    visitId: integer('visit_id').notNull().references(() => supervisionVisits.id),
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
