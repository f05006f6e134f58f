import { and, asc, eq, inArray, like, lt, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { monthlyReports, reportSubmissions, reportValues, submissionValues } from '@dudao/schema/tables';
import { inChunks } from '../../db/limits';
import type { Ctx } from '../context';
import { neutralised } from '../files/neutralise';
import { fieldOrder } from './fields';
import { valueColumns } from './import-values';

export type ValueLine = [unit_code: string, period: string, indicator: string, value: string, comment: string];

/** The current value of every filled field in scope, in the long import format's order. */
export async function valueLines(ctx: Ctx<'campaign'>, scopeCode: string): Promise<ValueLine[]> {
  const { campaign } = ctx;
  const order = new Map(fieldOrder(campaign).map((f, i) => [f, i]));
  const rows = await ctx.db
    .select({
      county: monthlyReports.countyCode,
      period: monthlyReports.period,
      field: reportValues.field,
      value: reportValues.value,
      comment: reportValues.comment,
    })
    .from(reportValues)
    .innerJoin(monthlyReports, eq(reportValues.reportId, monthlyReports.id))
    .where(
      and(
        eq(monthlyReports.campaignCode, campaign.code),
        like(monthlyReports.countyCode, `${scopeCode}%`),
        sql`${reportValues.id} = (select max(v2.id) from report_values v2 where v2.report_id = ${reportValues.reportId} and v2.field = ${reportValues.field})`,
      ),
    )
    .orderBy(asc(monthlyReports.countyCode), asc(monthlyReports.period))
    .all();
  return rows
    .filter((r) => r.value != null || r.comment)
    .sort(
      (a, b) =>
        a.county.localeCompare(b.county) ||
        a.period.localeCompare(b.period) ||
        (order.get(a.field) ?? 999) - (order.get(b.field) ?? 999),
    )
    .map((r) => [r.county, r.period, r.field, neutralised(r.value ?? ''), neutralised(r.comment ?? '')]);
}

/**
 * What was known at the end of `asOf` (Beijing time): per county and period the values of its latest submission
 * recorded by then — no drafts, no period submitted later, no correction made later.
 */
export async function knownValueLines(ctx: Ctx<'campaign'>, scopeCode: string, asOf: string): Promise<ValueLine[]> {
  const { campaign } = ctx;
  const order = new Map(fieldOrder(campaign).map((f, i) => [f, i]));
  const submissions = await ctx.db
    .select({ id: reportSubmissions.id, county: reportSubmissions.countyCode, period: reportSubmissions.period })
    .from(reportSubmissions)
    .innerJoin(monthlyReports, eq(reportSubmissions.reportId, monthlyReports.id))
    .where(
      and(
        eq(monthlyReports.campaignCode, campaign.code),
        like(reportSubmissions.countyCode, `${scopeCode}%`),
        lt(reportSubmissions.submittedAt, endOfBeijingDay(asOf)),
      ),
    )
    .orderBy(asc(reportSubmissions.submittedAt), asc(reportSubmissions.id))
    .all();
  const latest = new Map<string, { id: number; county: string; period: string }>();
  for (const s of submissions) latest.set(`${s.county}|${s.period}`, s);
  const ids = [...latest.values()].map((s) => s.id);
  const lines: ValueLine[] = [];
  const byId = new Map([...latest.values()].map((s) => [s.id, s]));
  for (const part of inChunks(ctx.db, ids)) {
    for (const v of await ctx.db
      .select()
      .from(submissionValues)
      .where(inArray(submissionValues.submissionId, part))
      .all()) {
      if (v.value == null && !v.comment) continue;
      const s = byId.get(v.submissionId)!;
      lines.push([s.county, s.period, v.field, v.value ?? '', v.comment ?? '']);
    }
  }
  return lines.sort(
    (a, b) =>
      a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || (order.get(a[2]) ?? 999) - (order.get(b[2]) ?? 999),
  );
}

export function valuesCsv(lines: ValueLine[]): string {
  return stringify([[...valueColumns], ...lines]);
}

export async function valuesXlsx(lines: ValueLine[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('values');
  sheet.addRow([...valueColumns]);
  for (const line of lines) sheet.addRow(line);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
