import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context';
import { neutralised } from '../files/neutralise';
import { allAuditHistory, type AuditQuery } from './history';

const columns = [
  '时间',
  '操作人',
  '操作',
  '对象',
  '对象编号',
  '单位代码',
  '期间',
  '字段',
  '原值',
  '新值',
  '来源地址',
] as const;

async function auditLines(ctx: Ctx, query: Omit<AuditQuery, 'cursor' | 'limit'>): Promise<string[][]> {
  const lines: string[][] = [];
  for await (const e of allAuditHistory(ctx, query)) {
    lines.push(
      [
        e.at,
        e.actor,
        e.action,
        e.entity,
        e.entityId ?? '',
        e.unitCode ?? '',
        e.period ?? '',
        e.field ?? '',
        e.oldValue ?? '',
        e.newValue ?? '',
        e.address ?? '',
      ].map(neutralised),
    );
  }
  return lines;
}

/** The whole audit trail of a unit for an auditor, every cell safe to open in a spreadsheet. */
export async function auditCsv(ctx: Ctx, query: Omit<AuditQuery, 'cursor' | 'limit'>): Promise<string> {
  return `\ufeff${stringify([[...columns], ...(await auditLines(ctx, query))])}`;
}

export async function auditXlsx(ctx: Ctx, query: Omit<AuditQuery, 'cursor' | 'limit'>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('审计记录');
  sheet.addRow([...columns]);
  for (const line of await auditLines(ctx, query)) sheet.addRow(line);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
