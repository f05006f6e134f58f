import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';
import { campaignColumn } from '../campaign/column';

/** Generated documents are kept, one row per version; a city summary is submitted by stamping its row. */
export const generatedReports = sqliteTable(
  'generated_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: campaignColumn(),
    kind: text('kind', { enum: ['city', 'province', 'notice', 'annex'] }).notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => orgUnits.code),
    asOf: text('as_of').notNull(),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    /** The same content rendered as HTML when generated, so a preview shows exactly what the file says. */
    previewHtml: text('preview_html'),
    generatedAt: text('generated_at').notNull(),
    generatedBy: integer('generated_by'),
  },
  // A version number names one generation: two writers numbering at once clash here instead of sharing it.
  (t) => [
    index('generated_reports_unit_idx').on(t.campaignCode, t.unitCode, t.kind),
    uniqueIndex('generated_reports_version').on(t.campaignCode, t.kind, t.unitCode, t.version),
  ],
);

export const citySummaries = sqliteTable(
  'city_summaries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: campaignColumn(),
    cityCode: text('city_code')
      .notNull()
      .references(() => orgUnits.code),
    reportId: integer('report_id').references(() => generatedReports.id),
    submittedAt: text('submitted_at').notNull(),
    actorId: integer('actor_id'),
    actor: text('actor').notNull(),
  },
  (t) => [index('city_summaries_city_idx').on(t.campaignCode, t.cityCode, t.submittedAt)],
);
