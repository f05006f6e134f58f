import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';
import { campaignColumn } from '../campaign/column';

export const caseKinds = ['低保', '特困'] as const;

export const caseUploads = sqliteTable(
  'case_uploads',
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
  (t) => [index('case_uploads_county_idx').on(t.campaignCode, t.countyCode, t.uploadedAt)],
);

export const caseRecords = sqliteTable(
  'case_records',
  {
    uploadId: integer('upload_id')
      .notNull()
      .references(() => caseUploads.id),
    caseId: text('case_id').notNull(),
    kind: text('kind', { enum: caseKinds }).notNull(),
    townshipCode: text('township_code').notNull(),
    appliedOn: text('applied_on').notNull(),
    decidedOn: text('decided_on'),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.caseId] })],
);
