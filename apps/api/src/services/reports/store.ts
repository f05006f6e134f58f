import { and, asc, desc, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { periodDue } from '@dudao/schema/campaign';
import {
  monthlyReports,
  reportEvents,
  reportSubmissions,
  reportValues,
  submissionValues,
  type MonthlyReport,
  type ReportAction,
  type ReportState,
} from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import { preparedFor } from '../../db/prepared';
import { recordAudit } from '../audit/record';
import type { Db } from '../../db/engine';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import type { Fields } from './rules';

// The statements every draft save runs are built once per database: drizzle building their SQL again on each save
// was an eighth of the API thread's time under `bench:load`'s steady mix.
const reportByRef = preparedFor((db) =>
  db
    .select()
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.campaignCode, sql.placeholder('campaign')),
        eq(monthlyReports.countyCode, sql.placeholder('county')),
        eq(monthlyReports.period, sql.placeholder('period')),
      ),
    )
    .prepare(),
);

export async function findReport(
  ctx: Ctx<'campaign'>,
  countyCode: string,
  period: string,
): Promise<MonthlyReport | undefined> {
  return reportByRef(ctx.db).get({ campaign: ctx.campaign.code, county: countyCode, period });
}

export async function ensureReport(
  ctx: Ctx<'campaign' | 'actor'>,
  countyCode: string,
  period: string,
  at: string,
): Promise<MonthlyReport> {
  const { campaign, actor } = ctx;
  const found = await findReport(ctx, countyCode, period);
  if (found) return found;
  const created = await ctx.db
    .insert(monthlyReports)
    .values({
      campaignCode: campaign.code,
      countyCode,
      period,
      state: 'draft',
      version: 0,
      dueOn: periodDue(period, campaign.reportDueAfterDays),
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  await ctx.db
    .insert(reportEvents)
    .values({
      reportId: created.id,
      action: 'create',
      fromState: null,
      toState: 'draft',
      version: 0,
      at,
      actorId: actor.id,
      actor: actor.label,
    })
    .run();
  await recordAudit(ctx, at, [
    {
      action: 'report.create',
      entity: 'monthly_report',
      entityId: created.id,
      unitCode: countyCode,
      period,
      newValue: 'draft',
    },
  ]);
  return created;
}

/** The newest version of each field of a report, recorded before `known` (or ever, given no bound). */
function newestFields(db: Db, reportId: number | Placeholder, known: SQL) {
  return db
    .select({ field: reportValues.field, value: reportValues.value, comment: reportValues.comment })
    .from(reportValues)
    .where(
      and(
        eq(reportValues.reportId, reportId),
        sql`${reportValues.id} = (select max(v2.id) from report_values v2 where v2.report_id = ${reportValues.reportId} and v2.field = ${reportValues.field} ${known})`,
      ),
    )
    .orderBy(asc(reportValues.field));
}

const fieldsNow = preparedFor((db) => newestFields(db, sql.placeholder('report'), sql``).prepare());

/** The newest version of every field recorded before `before` (by default: the report as it stands now). */
export async function currentFields(
  ctx: Ctx,
  reportId: number,
  before?: string,
): Promise<{ values: Fields; comments: Record<string, string> }> {
  const rows = before
    ? await newestFields(ctx.db, reportId, sql`and v2.recorded_at < ${before}`).all()
    : await fieldsNow(ctx.db).all({ report: reportId });
  const values: Fields = Object.create(null);
  const comments: Record<string, string> = Object.create(null);
  for (const r of rows) {
    values[r.field] = r.value;
    if (r.comment) comments[r.field] = r.comment;
  }
  return { values, comments };
}

// A save usually changes one field (a draft is saved as it is typed).
const valueAppend = preparedFor((db) =>
  db
    .insert(reportValues)
    .values({
      reportId: sql.placeholder('reportId'),
      field: sql.placeholder('field'),
      value: sql.placeholder('value'),
      comment: sql.placeholder('comment'),
      recordedAt: sql.placeholder('recordedAt'),
      actorId: sql.placeholder('actorId'),
    })
    .prepare(),
);

/** Appends a version for each changed field (value or comment) and audits old → new; returns how many changed. */
export async function writeFields(
  ctx: Ctx<'actor'>,
  report: MonthlyReport,
  next: Fields,
  comments: Record<string, string>,
  at: string,
): Promise<number> {
  const { actor } = ctx;
  const before = await currentFields(ctx, report.id);
  const fields = [...new Set([...Object.keys(next), ...Object.keys(comments)])];
  const rows = fields
    .map((field) => ({
      field,
      value: Object.hasOwn(next, field) ? (next[field] ?? null) : (before.values[field] ?? null),
      comment: (Object.hasOwn(comments, field) ? comments[field] : before.comments[field]) || null,
    }))
    .filter((r) => r.value !== (before.values[r.field] ?? null) || r.comment !== (before.comments[r.field] || null));
  if (rows.length === 0) return 0;
  const versions = rows.map((r) => ({ reportId: report.id, ...r, recordedAt: at, actorId: actor.id }));
  if (versions.length === 1) await valueAppend(ctx.db).run(versions[0]);
  else await ctx.db.insert(reportValues).values(versions).run();
  await recordAudit(
    ctx,
    at,
    // A comment-only change is audited as the comment's old → new, never as a value row whose old equals new.
    rows.flatMap((r) => {
      const base = {
        entity: 'monthly_report',
        entityId: report.id,
        unitCode: report.countyCode,
        period: report.period,
        field: r.field,
      };
      const oldValue = before.values[r.field] ?? null;
      const oldComment = before.comments[r.field] || null;
      return [
        ...(r.value !== oldValue ? [{ ...base, action: 'report.value', oldValue, newValue: r.value }] : []),
        ...(r.comment !== oldComment
          ? [{ ...base, action: 'report.comment', oldValue: oldComment, newValue: r.comment }]
          : []),
      ];
    }),
  );
  return rows.length;
}

const versionStep = preparedFor((db) =>
  db
    .update(monthlyReports)
    // An update's values take placeholders only inside SQL (drizzle types them so).
    .set({
      state: sql`${sql.placeholder('state')}`,
      version: sql`${sql.placeholder('version')}`,
      updatedAt: sql`${sql.placeholder('at')}`,
      firstSubmittedAt: sql`${sql.placeholder('firstSubmittedAt')}`,
    })
    .where(and(eq(monthlyReports.id, sql.placeholder('id')), eq(monthlyReports.version, sql.placeholder('was'))))
    .returning()
    .prepare(),
);

const eventAppend = preparedFor((db) =>
  db
    .insert(reportEvents)
    .values({
      reportId: sql.placeholder('reportId'),
      action: sql.placeholder('action'),
      fromState: sql.placeholder('fromState'),
      toState: sql.placeholder('toState'),
      version: sql.placeholder('version'),
      at: sql.placeholder('at'),
      actorId: sql.placeholder('actorId'),
      actor: sql.placeholder('actor'),
      reason: sql.placeholder('reason'),
    })
    .prepare(),
);

export async function transition(
  ctx: Ctx<'actor'>,
  report: MonthlyReport,
  action: ReportAction,
  to: ReportState,
  at: string,
  reason?: string,
): Promise<MonthlyReport> {
  const { actor } = ctx;
  const version = report.version + 1;
  const firstSubmittedAt = action === 'submit' ? (report.firstSubmittedAt ?? at) : report.firstSubmittedAt;
  const updated = await versionStep(ctx.db).get({
    state: to,
    version,
    at,
    firstSubmittedAt,
    id: report.id,
    was: report.version,
  });
  if (!updated) throw new DomainError('conflict', '报表已被他人修改，请刷新后重试');
  await eventAppend(ctx.db).run({
    reportId: report.id,
    action,
    fromState: report.state,
    toState: to,
    version,
    at,
    actorId: actor.id,
    actor: actor.label,
    reason: reason ?? null,
  });
  await recordAudit(ctx, at, [
    {
      action: `report.${action}`,
      entity: 'monthly_report',
      entityId: report.id,
      unitCode: report.countyCode,
      period: report.period,
      field: 'state',
      oldValue: report.state,
      newValue: to,
    },
  ]);
  return updated;
}

/** Freezes the report's current fields as a submission: the known-at-t read only ever sees these. */
export async function snapshotSubmission(ctx: Ctx<'actor'>, report: MonthlyReport, at: string): Promise<number> {
  const { actor } = ctx;
  const { values, comments } = await currentFields(ctx, report.id);
  const submission = await ctx.db
    .insert(reportSubmissions)
    .values({
      reportId: report.id,
      campaignCode: report.campaignCode,
      countyCode: report.countyCode,
      period: report.period,
      submittedAt: at,
      actorId: actor.id,
    })
    .returning()
    .get();
  const rows = Object.entries(values).map(([field, value]) => ({
    submissionId: submission.id,
    field,
    value,
    comment: comments[field] ?? null,
  }));
  await bulkInsert(ctx.db, submissionValues, rows);
  return submission.id;
}

export async function bumpEditsAfterSubmit(ctx: Ctx, report: MonthlyReport): Promise<MonthlyReport> {
  if (!report.firstSubmittedAt) return report;
  const counted = await ctx.db
    .update(monthlyReports)
    .set({ editsAfterSubmit: report.editsAfterSubmit + 1 })
    .where(eq(monthlyReports.id, report.id))
    .returning()
    .get();
  return counted ?? report;
}

export async function reportHistory(ctx: Ctx, reportId: number) {
  return ctx.db
    .select()
    .from(reportEvents)
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.id))
    .all();
}

export async function latestReportBefore(
  ctx: Ctx<'campaign'>,
  countyCode: string,
  period: string,
): Promise<MonthlyReport | undefined> {
  return ctx.db
    .select()
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.campaignCode, ctx.campaign.code),
        eq(monthlyReports.countyCode, countyCode),
        sql`${monthlyReports.period} < ${period}`,
      ),
    )
    .orderBy(desc(monthlyReports.period))
    .get();
}
