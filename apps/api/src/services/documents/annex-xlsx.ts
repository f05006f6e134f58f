import ExcelJS from 'exceljs';
import { caseLogDay, caseLogValue } from '@dudao/metrics';
import { endOfBeijingDay, type CampaignDef, type IndicatorDef } from '@dudao/schema/campaign';
import { knownCaseLogs } from '../known/rows';
import type { Ctx } from '../context';
import { listUnits } from '../org/units';
import { knownValueLines, type ValueLine } from '../reports/export-values';
import { provinceStatusAt } from '../known/status-at';
import { narrativePrefix, reportFields } from '../reports/fields';
import { rosterCoverageColumns } from './roster-columns';
import { chineseDate } from './format';
import { provinceIssuer } from './titles';

export interface AnnexColumn {
  field: string;
  header: string;
  def?: IndicatorDef;
}

/** One column per field a county reports: every reported indicator by its Chinese name and code, then the narratives. */
export function annexColumns(campaign: CampaignDef): AnnexColumn[] {
  const { indicators, narratives } = reportFields(campaign);
  return [
    ...indicators.map((def) => ({ field: def.code, header: def.unit ? `${def.name}（${def.unit}）` : def.name, def })),
    ...narratives.map((field) => {
      const task = campaign.tasks.find((t) => `${narrativePrefix}${t.code}` === field);
      return { field, header: `${task ? task.name : field}工作情况` };
    }),
  ];
}

const numberFormats: Partial<Record<IndicatorDef['kind'], string>> = {
  count: '#,##0',
  amount: '#,##0.00',
  days: '0.0',
  date: 'yyyy-mm-dd',
};

/** A stored text value as the cell it becomes: numbers stay numbers, bools read 是/否, dates become dates. */
export function annexCell(def: IndicatorDef | undefined, value: string): ExcelJS.CellValue {
  if (value === '') return null;
  switch (def?.kind) {
    case 'count':
    case 'amount':
    case 'days':
      return Number(value);
    case 'bool':
      return value === 'true' ? '是' : '否';
    case 'date':
      return new Date(`${value}T00:00:00Z`);
    default:
      return value;
  }
}

const FIXED = ['县级单位代码', '县（市、区）', '所属市', '期间'];

function valuesSheet(
  book: ExcelJS.Workbook,
  campaign: CampaignDef,
  lines: ValueLine[],
  names: Map<string, string>,
  caseLog: (county: string, period: string, def: IndicatorDef | undefined) => number | null | undefined,
): void {
  const columns = annexColumns(campaign);
  const sheet = book.addWorksheet('指标明细', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: FIXED.length }],
    pageSetup: printable,
  });
  sheet.columns = [
    { width: 14 },
    { width: 18 },
    { width: 10 },
    { width: 10 },
    ...columns.map((c) => ({ width: c.def ? 16 : 40 })),
  ];
  const header = sheet.addRow([...FIXED, ...columns.map((c) => c.header)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 60;
  const at = new Map(columns.map((c, i) => [c.field, FIXED.length + i + 1]));
  let row: ExcelJS.Row | null = null;
  let key = '';
  for (const [county, period, field, value, comment] of lines) {
    if (`${county}|${period}` !== key) {
      key = `${county}|${period}`;
      row = sheet.addRow([
        county,
        names.get(county) ?? county,
        names.get(county.slice(0, 4)) ?? county.slice(0, 4),
        period,
      ]);
    }
    const col = at.get(field);
    if (!row || col === undefined) continue;
    const cell = row.getCell(col);
    const def = columns[col - FIXED.length - 1]?.def;
    // Where a case log exists it yields the processing figures (DOMAIN T06), here as in the summaries.
    const fromLog = caseLog(county, period, def);
    cell.value = fromLog === undefined ? annexCell(def, value) : fromLog;
    const format = def ? numberFormats[def.kind] : undefined;
    if (format) cell.numFmt = format;
    if (comment) cell.note = comment;
  }
}

/** A4 landscape, one page wide, the header row on every page. */
const printable: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** From each county's village roster known at `asOf`: the counts behind the campaign's roster coverages. */
async function rosterSheet(
  ctx: Ctx<'campaign'>,
  book: ExcelJS.Workbook,
  unitCode: string,
  asOf: string,
  names: Map<string, string>,
): Promise<void> {
  const rosterColumns = rosterCoverageColumns(ctx.campaign);
  const status = await provinceStatusAt(ctx, asOf);
  const sheet = book.addWorksheet('村级台账', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }],
    pageSetup: printable,
  });
  sheet.columns = [{ width: 14 }, { width: 18 }, { width: 10 }, ...rosterColumns.map(() => ({ width: 14 }))];
  const header = sheet.addRow([
    '县级单位代码',
    '县（市、区）',
    '所属市',
    ...rosterColumns.map((c) => c.header.join('')),
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 45;
  for (const county of status.counties.filter((c) => c.code.startsWith(unitCode))) {
    const row = sheet.addRow([county.code, county.name, names.get(county.cityCode) ?? county.cityCode]);
    rosterColumns.forEach((c, i) => {
      const figure = county.indicators[c.code];
      const value = figure?.[c.part] ?? null;
      const cell = row.getCell(4 + i);
      cell.value = value;
      cell.numFmt = c.part === 'value' ? '0.0%' : '#,##0';
    });
  }
}

function notesSheet(book: ExcelJS.Workbook, campaign: CampaignDef, scopeName: string, asOf: string): void {
  const sheet = book.addWorksheet('说明');
  sheet.columns = [{ width: 28 }, { width: 48 }, { width: 10 }, { width: 10 }, { width: 12 }];
  sheet.addRows([
    ['数据范围', scopeName],
    ['导出日期', chineseDate(asOf)],
    [
      '数据口径',
      `截至${chineseDate(asOf)}已报送的各县（市、区）每期${campaign.reportName}数值（每期取当日结束前最后一次报送的数值，不含草稿、其后报送的期间和更正），一行为一个县（市、区）的一个期间；单元格批注为填报说明`,
    ],
    [],
    ['指标代码', '指标名称', '所属任务', '类型', '单位'],
  ]);
  sheet.getRow(5).font = { bold: true };
  for (const def of reportFields(campaign).indicators)
    sheet.addRow([def.code, def.name, def.task, def.kind, def.unit ?? '']);
}

/** 附件 Excel: every indicator per county and period as submitted by `asOf`, the T10 roster figures, and the codes. */
export async function annexXlsx(ctx: Ctx<'campaign'>, unitCode: string, asOf: string): Promise<Buffer> {
  const { campaign } = ctx;
  const units = [
    ...(await listUnits(ctx, { level: 'city' })),
    ...(await listUnits(ctx, { level: 'county' })),
    ...(await listUnits(ctx, { level: 'province' })),
  ];
  const names = new Map(units.map((u) => [u.code, u.name]));
  const book = new ExcelJS.Workbook();
  book.creator = provinceIssuer(campaign);
  const logs = await knownCaseLogs(ctx, unitCode, endOfBeijingDay(asOf));
  const caseLog = (county: string, period: string, def: IndicatorDef | undefined) => {
    const log = logs.get(county);
    const kind = def?.derived?.kind;
    if (!log || !def || (kind !== 'case_log_over_limit' && kind !== 'case_log_average_days')) return undefined;
    return caseLogValue(def, log, caseLogDay(period, asOf), campaign) ?? undefined;
  };
  valuesSheet(book, campaign, await knownValueLines(ctx, unitCode, asOf), names, caseLog);
  await rosterSheet(ctx, book, unitCode, asOf, names);
  notesSheet(book, campaign, names.get(unitCode) ?? unitCode, asOf);
  return Buffer.from(await book.xlsx.writeBuffer());
}
