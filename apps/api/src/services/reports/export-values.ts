import { and, asc, eq, like, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { CampaignDef } from '@dudao/schema/campaign';
import { monthlyReports, reportValues } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import { neutralised } from '../files/neutralise';
import { fieldOrder } from './fields';
import { valueColumns } from './import-values';

export type ValueLine = [unit_code: string, period: string, indicator: string, value: string, comment: string];

/** The current value of every filled field in scope, in the long import format's order. */
export function valueLines(db: DbOrTx, campaign: CampaignDef, scopeCode: string): ValueLine[] {
  const order = new Map(fieldOrder(campaign).map((f, i) => [f, i]));
  const rows = db
    .select({ county: monthlyReports.countyCode, period: monthlyReports.period, field: reportValues.field, value: reportValues.value, comment: reportValues.comment })
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
    .sort((a, b) => a.county.localeCompare(b.county) || a.period.localeCompare(b.period) || (order.get(a.field) ?? 999) - (order.get(b.field) ?? 999))
    .map((r) => [r.county, r.period, r.field, neutralised(r.value ?? ''), neutralised(r.comment ?? '')]);
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
