import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { annexColumns, annexWorkbook } from '@dudao/documents';
import type { CampaignDef } from '@dudao/schema/campaign';
import { UsageError } from '../src/cli/args';
import { reportCommand } from '../src/cli/commands/report';
import type { Opened } from '../src/db/client';
import { currentCampaign } from '../src/services/campaign/store';
import { annexInput } from '../src/services/documents/annex-input';
import { valueSheets } from './support/annex-sheets';
import { parse } from 'csv-parse/sync';
import { exportCommand } from '../src/cli/commands/export';
import { valueLines, type ValueLine } from '../src/services/reports/export-values';
import { resetDatabase } from '../src/services/seed/reset';
import { emptyLocation } from './support/fresh-db';

const AS_OF = '2021-12-15';
let opened: Opened;
let dbPath: string;
let campaign: CampaignDef;
let lines: ValueLine[];
let book: ExcelJS.Workbook;

beforeAll(async () => {
  dbPath = await emptyLocation();
  ({ opened } = await resetDatabase(dbPath, { demo: true, scale: 'province', clock: '2021-12-15T10:00:00+08:00' }));
  campaign = await currentCampaign({ db: opened.db });
  // The annex must equal what `export values --as-of` writes for the same unit and day.
  const csv = join(mkdtempSync(join(tmpdir(), 'dudao-export-')), 'values.csv');
  expect(await exportCommand(['values', '--unit', '3403', '--as-of', AS_OF, '--out', csv, '--db', dbPath])).toBe(0);
  const rows: string[][] = parse(readFileSync(csv, 'utf8').replace(/^\ufeff/, ''));
  lines = rows.slice(1) as ValueLine[];
  book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await annexWorkbook(
      await annexInput({ db: opened.db, campaign: await currentCampaign({ db: opened.db }) }, '3403', AS_OF),
    )) as unknown as ArrayBuffer,
  );
}, 240_000);

afterAll(async () => opened?.close());

/**
 * The database read with plain SQL, apart from the code under test: standard SQL that runs on either engine, its
 * rows positional.
 */
const raw = <T extends unknown[]>(query: ReturnType<typeof sql>) => opened.db.all<T>(query);

describe('Excel annex', () => {
  test('one sheet per task, at most 15 columns each: the four fixed columns, then its indicators by their Chinese names', () => {
    const sheets = valueSheets(book);
    // The demo campaign's eleven tasks each fit one sheet; the plan's issue date (a stage's field) has its own.
    expect(sheets.map((s) => s.name.slice(0, 3))).toEqual([...campaign.tasks.map((t) => t.code), '工作安']);
    const headers = sheets.flatMap((s) => {
      const header = (s.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
      expect(header.length).toBeLessThanOrEqual(15);
      expect(header.slice(0, 4)).toEqual(['县级单位代码', '县（市、区）', '所属市', '期间']);
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      return header.slice(4);
    });
    expect(headers).toContain('城市低保对象人数');
    expect(headers).toContain('临时救助金额（元）');
    // One unit a header, no code: every field once over the sheets.
    expect(headers.filter((h) => /（([^（）]+)）（\1）/.test(h))).toEqual([]);
    expect(headers.some((h) => /[a-z]\d\d_/.test(h))).toBe(false);
    expect(headers.length).toBe(annexColumns(campaign).length);
  });

  test('the code sheet: each indicator’s code, name, task, its type in Chinese and its unit', () => {
    const notes = book.getWorksheet('说明')!;
    const rows: string[][] = [];
    notes.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''))));
    const at = rows.findIndex((r) => r[0] === '指标代码');
    expect(rows[at]).toEqual(['指标代码', '指标名称', '所属任务', '类型', '单位']);
    const types = new Set(rows.slice(at + 1).map((r) => r[3]));
    expect([...types].every((t) => ['计数', '金额', '天数', '是否', '日期', '比率'].includes(t!))).toBe(true);
    expect(rows.find((r) => r[0] === 't01_dibao_urban')?.slice(2, 4)).toEqual(['T01', '计数']);
  });

  test('prints on A4 landscape, one page wide, the header row repeated', () => {
    const names = [...valueSheets(book).map((s) => s.name), '村级台账'];
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const setup = book.getWorksheet(name)!.pageSetup;
      expect([setup.paperSize, setup.orientation, setup.fitToWidth, setup.printTitlesRow]).toEqual([
        9,
        'landscape',
        1,
        '1:1',
      ]);
    }
  });

  test('holds only what was submitted by the day: no draft, no later period, no later correction', async () => {
    // 12-15: the November report (due 12-05) is the newest that can be known; current values also hold later drafts.
    expect(lines.every(([, period]) => period <= '2021-11')).toBe(true);
    const [submitted] = await raw<[number]>(
      sql`select count(*) n from (select distinct county_code, period from report_submissions where county_code like '3403%' and submitted_at < '2021-12-15T16:00:00.000Z') as known`,
    );
    expect(new Set(lines.map(([c, p]) => `${c}|${p}`)).size).toBe(Number(submitted![0]));
    const current = await valueLines({ db: opened.db, campaign }, '3403');
    expect(current.length).toBeGreaterThanOrEqual(lines.length);
  });

  test('村级台账: each county’s villages, villages with a coordinator and with a civil-affairs member, counted from its roster', async () => {
    const roster = book.getWorksheet('村级台账')!;
    const header = (roster.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(0, 5)).toEqual([
      '县级单位代码',
      '县（市、区）',
      '所属市',
      '村（社区）数（个）',
      '配备协理员的村（个）',
    ]);
    const rows: ExcelJS.Row[] = [];
    roster.eachRow((row, n) => {
      if (n > 1) rows.push(row);
    });
    let checked = 0;
    for (const row of rows) {
      const county = String(row.getCell(1).value);
      // count … filter: the villages with a coordinator, and those with a member (a boolean column on PostgreSQL).
      const [counts] = await raw<[number, number, number]>(
        sql`select count(*) villages, count(*) filter (where coordinators > 0) coordinated, count(*) filter (where civil_affairs_member) members from roster_rows where upload_id =
            (select id from roster_uploads where county_code = ${county} and uploaded_at < '2021-12-15T16:00:00.000Z' order by uploaded_at desc, id desc limit 1)`,
      );
      const [villages, coordinated, members] = counts!.map(Number) as [number, number, number];
      if (villages === 0) continue;
      expect([row.getCell(4).value, row.getCell(5).value, row.getCell(10).value]).toEqual([
        villages,
        coordinated,
        members,
      ]);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  test('one row per county and period of the current values on each task’s sheet', () => {
    const fields = new Map(annexColumns(campaign).map((c) => [c.field, c]));
    for (const sheet of valueSheets(book)) {
      const own = new Set((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(5).map(String));
      const keys = new Set(
        lines
          .filter(([, , field]) => own.has(fields.get(field)?.header ?? ''))
          .map(([county, period]) => `${county}|${period}`),
      );
      expect(sheet.actualRowCount).toBe(keys.size + 1);
    }
  });

  test('every current value of three counties, cell by cell, with its number format', () => {
    const where = new Map<string, { sheet: ExcelJS.Worksheet; index: number }>();
    const headerOf = new Map(annexColumns(campaign).map((c) => [c.header, c]));
    for (const sheet of valueSheets(book))
      (sheet.getRow(1).values as ExcelJS.CellValue[]).forEach((h, index) => {
        const column = headerOf.get(String(h));
        if (column && index > 4) where.set(column.field, { sheet, index });
      });
    const rowOf = new Map<string, ExcelJS.Row>();
    for (const sheet of valueSheets(book))
      sheet.eachRow((row, n) => {
        if (n > 1) rowOf.set(`${sheet.name}|${row.getCell(1).value}|${row.getCell(4).value}`, row);
      });
    const counties = [...new Set(lines.map((l) => l[0]))].slice(0, 3);
    const checked = lines.filter((l) => counties.includes(l[0]));
    expect(checked.length).toBeGreaterThan(100);
    const defs = new Map(annexColumns(campaign).map((c) => [c.field, c.def]));
    for (const [county, period, field, value, comment] of checked) {
      // The processing figures come from a county's case log where it keeps one (DOMAIN T06), not from the report:
      // one-truth-figures.test.ts checks those against the summary by hand.
      if (defs.get(field)?.derived?.kind?.startsWith('case_log')) continue;
      const { sheet, index } = where.get(field)!;
      const row = rowOf.get(`${sheet.name}|${county}|${period}`)!;
      expect(row.getCell(2).value).toBeTypeOf('string');
      const def = defs.get(field);
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
    const row = valueSheets(book)[0]!.getRow(2);
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

  test('a day after the clock (2021-12-15 in this demo) is refused for a document and for an export', async () => {
    const file = join(out(), 'late.docx');
    await expect(
      reportCommand(['city', '--city', '3403', '--as-of', '2021-12-16', '--out', file, '--db', dbPath]),
    ).rejects.toThrow('截至日期 2021年12月16日 晚于活动时钟的日期 2021年12月15日');
    expect(existsSync(file)).toBe(false);
    await expect(exportCommand(['values', '--as-of', '2021-12-16', '--db', dbPath])).rejects.toThrow(
      '查看日期 2021年12月16日 晚于活动时钟的日期 2021年12月15日',
    );
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
