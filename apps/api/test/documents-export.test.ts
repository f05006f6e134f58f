import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CampaignDef } from '@dudao/schema/campaign';
import { UsageError } from '../src/cli/args';
import { reportCommand } from '../src/cli/commands/report';
import type { Opened } from '../src/db/client';
import { currentCampaign } from '../src/services/campaign/store';
import { annexColumns, annexXlsx } from '../src/services/documents/annex-xlsx';
import { valueLines, type ValueLine } from '../src/services/reports/export-values';
import { resetDatabase } from '../src/services/seed/reset';
import { tempPath } from './support/fresh-db';

const AS_OF = '2021-12-15';
let opened: Opened;
let dbPath: string;
let campaign: CampaignDef;
let lines: ValueLine[];
let sheet: ExcelJS.Worksheet;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  dbPath = tempPath();
  ({ opened } = await resetDatabase(dbPath, { demo: true, scale: 'province' }));
  campaign = currentCampaign(opened.db);
  lines = valueLines(opened.db, campaign, '3403');
  book = new ExcelJS.Workbook();
  await book.xlsx.load((await annexXlsx(opened.db, '3403', AS_OF)) as unknown as ArrayBuffer);
  sheet = book.getWorksheet('指标明细')!;
}, 240_000);

afterAll(() => opened?.close());

describe('Excel annex', () => {
  test('headers: the four fixed columns, then each reported indicator by its Chinese name and code', () => {
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['县级单位代码', '县（市、区）', '所属市', '期间']);
    expect(header).toContain('城市低保对象人数（t01_dibao_urban）');
    expect(header).toContain('临时救助金额（元）（t03_temp_aid_amount）');
    expect(header.length).toBe(4 + annexColumns(campaign).length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('one row per county and period of the current values', () => {
    const keys = new Set(lines.map(([county, period]) => `${county}|${period}`));
    expect(sheet.actualRowCount).toBe(keys.size + 1);
  });

  test('every current value of three counties, cell by cell, with its number format', () => {
    const column = new Map(annexColumns(campaign).map((c, i) => [c.field, { index: i + 5, def: c.def }]));
    const rowOf = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) rowOf.set(`${row.getCell(1).value}|${row.getCell(4).value}`, row);
    });
    const counties = [...new Set(lines.map((l) => l[0]))].slice(0, 3);
    const checked = lines.filter((l) => counties.includes(l[0]));
    expect(checked.length).toBeGreaterThan(100);
    for (const [county, period, field, value, comment] of checked) {
      const row = rowOf.get(`${county}|${period}`)!;
      expect(row.getCell(2).value).toBeTypeOf('string');
      const { index, def } = column.get(field)!;
      const cell = row.getCell(index);
      if (value === '') expect(cell.value).toBeNull();
      else if (def?.kind === 'count') expect([cell.value, cell.numFmt]).toEqual([Number(value), '#,##0']);
      else if (def?.kind === 'amount') expect([cell.value, cell.numFmt]).toEqual([Number(value), '#,##0.00']);
      else if (def?.kind === 'days') expect([cell.value, cell.numFmt]).toEqual([Number(value), '0.0']);
      else if (def?.kind === 'bool') expect(cell.value).toBe(value === 'true' ? '是' : '否');
      else if (def?.kind === 'date') expect((cell.value as Date).toISOString().slice(0, 10)).toBe(value);
      else expect(cell.value).toBe(value);
      if (comment) expect(cell.note).toBe(comment);
    }
  });

  test('names the county and its city', () => {
    const row = sheet.getRow(2);
    expect(String(row.getCell(1).value).slice(0, 4)).toBe('3403');
    expect(row.getCell(3).value).toBe('蚌埠市');
  });
});

describe('pnpm cli report', () => {
  const out = () => mkdtempSync(join(tmpdir(), 'dudao-report-'));

  test('report all writes the 16 city summaries, the provincial summary, the notice and the annex', async () => {
    const dir = out();
    expect(await reportCommand(['all', '--as-of', AS_OF, '--dir', dir, '--db', dbPath])).toBe(0);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith('行动总结.docx'))).toHaveLength(17);
    expect(files).toContain('督导通报.docx');
    expect(files).toContain('附件-指标明细.xlsx');
    expect(readFileSync(join(dir, '3403蚌埠市行动总结.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  test('report city writes one docx', async () => {
    const file = join(out(), 'city.docx');
    expect(await reportCommand(['city', '--city', '3401', '--as-of', AS_OF, '--out', file, '--db', dbPath])).toBe(0);
    expect(readFileSync(file).length).toBeGreaterThan(10_000);
  });

  test.each([
    [['city', '--city', '340302', '--as-of', AS_OF, '--out', 'x.docx'], '不是市级单位代码'],
    [['province', '--out', 'x.docx'], '--as-of'],
    [['annex', '--as-of', AS_OF], '--out'],
    [['chart', '--as-of', AS_OF], '用法'],
  ])('refuses %j', async (args, message) => {
    await expect(reportCommand([...args, '--db', dbPath])).rejects.toThrow(UsageError);
    await expect(reportCommand([...args, '--db', dbPath])).rejects.toThrow(message);
  });
});
