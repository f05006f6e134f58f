import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';
import { campaignColumn } from '../campaign/column';

export const reportStates = ['draft', 'submitted', 'returned', 'approved', 'accepted'] as const;
export type ReportState = (typeof reportStates)[number];
export const reportActions = ['create', 'save', 'submit', 'return', 'approve', 'accept', 'reopen'] as const;
export type ReportAction = (typeof reportActions)[number];

export const monthlyReports = sqliteTable(
  'monthly_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: text('campaign_code').notNull(),
    countyCode: text('county_code')
      .notNull()
      .references(() => orgUnits.code),
    period: text('period').notNull(),
    state: text('state', { enum: reportStates }).notNull(),
    version: integer('version').notNull(),
    dueOn: text('due_on').notNull(),
    firstSubmittedAt: text('first_submitted_at'),
    editsAfterSubmit: integer('edits_after_submit').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('monthly_reports_county_period').on(t.campaignCode, t.countyCode, t.period)],
);
export type MonthlyReport = typeof monthlyReports.$inferSelect;

/** Append-only history of the workflow: every save, submission, return, approval. */
export const reportEvents = sqliteTable(
  'report_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id),
    action: text('action', { enum: reportActions }).notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    version: integer('version').notNull(),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actor: text('actor').notNull(),
    reason: text('reason'),
  },
  (t) => [index('report_events_report_idx').on(t.reportId)],
);

/** Append-only versions of every field of a report (indicators and `narrative.Txx`); the newest row per field is the draft. */
export const reportValues = sqliteTable(
  'report_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id),
    field: text('field').notNull(),
    value: text('value'),
    comment: text('comment'),
    recordedAt: text('recorded_at').notNull(),
    actorId: integer('actor_id'),
  },
  (t) => [index('report_values_report_field_idx').on(t.reportId, t.field)],
);

export const reportSubmissions = sqliteTable(
  'report_submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id),
    campaignCode: campaignColumn(),
    countyCode: text('county_code').notNull(),
    period: text('period').notNull(),
    submittedAt: text('submitted_at').notNull(),
    actorId: integer('actor_id'),
  },
  (t) => [index('report_submissions_county_idx').on(t.campaignCode, t.countyCode, t.submittedAt)],
);

/** The report's fields frozen at each submission: what the known-at-t read uses. */
export const submissionValues = sqliteTable(
  'submission_values',
  {
    submissionId: integer('submission_id')
      .notNull()
      .references(() => reportSubmissions.id),
    field: text('field').notNull(),
    value: text('value'),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.field] })],
);
