import ExcelJS from 'exceljs';
import { caseLogDay, caseLogValue, roundHalfUp, type CaseRecord, type CountyStatus } from '@dudao/metrics';
import type { CampaignDef, IndicatorDef } from '@dudao/schema/campaign';
import { narrativeField } from '@dudao/schema/inputs';
import { rosterCoverageColumns } from './compose/roster-columns';
import { chineseDate } from './compose/format';
import { provinceIssuer } from './compose/titles';

/** One submitted value: county, period, field (an indicator code or a narrative), its stored text, the clerk's note. */
export type AnnexLine = [unit_code: string, period: string, indicator: string, value: string, comment: string];

/** What the annex of `unitCode` shows at `asOf`, read by the API. */
export interface AnnexInput {
  campaign: CampaignDef;
  unitCode: string;
  asOf: string;
  /** Unit code → name: the province, its cities and counties. */
  names: Map<string, string>;
  /** Each county's values per period as submitted by the end of `asOf`. */
  lines: AnnexLine[];
  /** Each county's newest case log known at the end of `asOf`. */
  caseLogs: Map<string, CaseRecord[]>;
  /** Every county's status at `asOf` (the roster sheet keeps those of `unitCode`). */
  counties: CountyStatus[];
}

/** The indicators a county fills in its report (the others are derived from rosters and case logs). */
const reportedIndicators = (campaign: CampaignDef) => campaign.indicators.filter((i) => i.source === 'report');

export interface AnnexColumn {
  field: string;
  header: string;
  def?: IndicatorDef;
}

/** A header names its unit once: 临时救助金额（元）, whether or not the indicator's name already carries it. */
export const withUnit = (name: string, unit?: string | null) =>
  unit && !name.endsWith(`（${unit}）`) ? `${name}（${unit}）` : name;

/** One column per field a county reports: every reported indicator by its Chinese name and code, then the narratives. */
export function annexColumns(campaign: CampaignDef): AnnexColumn[] {
  return [
    ...reportedIndicators(campaign).map((def) => ({ field: def.code, header: withUnit(def.name, def.unit), def })),
    ...campaign.tasks.map((task) => ({ field: narrativeField(task.code), header: `${task.name}工作情况` })),
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
/** Columns a sheet holds at most: the four that name the row and eleven fields, readable on A4 landscape. */
export const SHEET_COLUMNS = 15;

/** The fields by task, a task of more than eleven fields over several sheets: 'T01 分层分类救助体系（一）'. */
export function annexSheets(campaign: CampaignDef): { name: string; columns: AnnexColumn[] }[] {
  const columns = annexColumns(campaign);
  const per = SHEET_COLUMNS - FIXED.length;
  const ofTask = (code: string) => (c: AnnexColumn) => (c.def ? c.def.task === code : c.field === narrativeField(code));
  // Fields of no key task (the stages' own, such as the plan's issue date) share a last sheet.
  const groups = [
    ...campaign.tasks.map((task) => ({ title: `${task.code} ${task.name}`, own: columns.filter(ofTask(task.code)) })),
    { title: '工作安排', own: columns.filter((c) => !campaign.tasks.some((t) => ofTask(t.code)(c))) },
  ];
  return groups.flatMap(({ title, own }) => {
    const parts = Math.ceil(own.length / per);
    return Array.from({ length: parts }, (_, i) => ({
      // Excel allows 31 characters in a sheet's name.
      name: title.slice(0, parts > 1 ? 27 : 31) + (parts > 1 ? `（${i + 1}）` : ''),
      columns: own.slice(i * per, (i + 1) * per),
    }));
  });
}

function valuesSheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: AnnexColumn[],
  lines: AnnexLine[],
  names: Map<string, string>,
  caseLog: (county: string, period: string, def: IndicatorDef | undefined) => number | null | undefined,
): void {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: { ...printable, printTitlesRow: '1:1', printTitlesColumn: 'A:B' },
  });
  sheet.columns = [
    { width: 12 },
    { width: 16 },
    { width: 9 },
    { width: 9 },
    ...columns.map((c) => ({ width: c.def ? Math.min(18, Math.max(10, [...c.header].length / 2 + 2)) : 40 })),
  ];
  const header = sheet.addRow([...FIXED, ...columns.map((c) => c.header)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 45;
  const at = new Map(columns.map((c, i) => [c.field, FIXED.length + i + 1]));
  const rows = new Map<string, ExcelJS.Row>();
  for (const [county, period, field, value, comment] of lines) {
    const col = at.get(field);
    if (col === undefined) continue;
    let row = rows.get(`${county}|${period}`);
    if (!row) {
      row = sheet.addRow([
        county,
        names.get(county) ?? county,
        names.get(county.slice(0, 4)) ?? county.slice(0, 4),
        period,
      ]);
      rows.set(`${county}|${period}`, row);
    }
    const cell = row.getCell(col);
    const def = columns[col - FIXED.length - 1]?.def;
    // Where a case log exists it yields the processing figures (DOMAIN T06), here as in the summaries.
    const fromLog = caseLog(county, period, def);
    cell.value = fromLog === undefined ? annexCell(def, value) : fromLog;
    const format = def ? numberFormats[def.kind] : undefined;
    if (format) cell.numFmt = format;
    if (!def) cell.alignment = { wrapText: true, vertical: 'top' };
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
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** From each county's village roster known at `asOf`: the counts behind the campaign's roster coverages. */
function rosterSheet(book: ExcelJS.Workbook, { campaign, unitCode, names, counties }: AnnexInput): void {
  const rosterColumns = rosterCoverageColumns(campaign);
  const sheet = book.addWorksheet('村级台账', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }],
    pageSetup: { ...printable, printTitlesColumn: 'A:B' },
  });
  sheet.columns = [{ width: 12 }, { width: 16 }, { width: 9 }, ...rosterColumns.map(() => ({ width: 11 }))];
  const header = sheet.addRow([
    '县级单位代码',
    '县（市、区）',
    '所属市',
    ...rosterColumns.map((c) => c.header.join('')),
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 45;
  for (const county of counties.filter((c) => c.code.startsWith(unitCode))) {
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

/** The code sheet's words for an indicator's kind. */
export const KIND_WORDS: Record<IndicatorDef['kind'], string> = {
  count: '计数',
  amount: '金额',
  days: '天数',
  bool: '是否',
  date: '日期',
  ratio: '比率',
};

function notesSheet(book: ExcelJS.Workbook, campaign: CampaignDef, scopeName: string, asOf: string): void {
  const sheet = book.addWorksheet('说明', { pageSetup: { ...printable, printTitlesRow: '5:5' } });
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
  for (const def of reportedIndicators(campaign))
    sheet.addRow([def.code, def.name, def.task, KIND_WORDS[def.kind], def.unit ?? '']);
}

/** 附件 Excel: every indicator per county and period as submitted by `asOf`, the T10 roster figures, and the codes. */
export async function annexWorkbook(input: AnnexInput): Promise<Buffer> {
  const { campaign, unitCode, asOf, names, lines, caseLogs } = input;
  const book = new ExcelJS.Workbook();
  book.creator = provinceIssuer(campaign);
  const caseLog = (county: string, period: string, def: IndicatorDef | undefined) => {
    const log = caseLogs.get(county);
    const kind = def?.derived?.kind;
    if (!log || !def || (kind !== 'case_log_over_limit' && kind !== 'case_log_average_days')) return undefined;
    const value = caseLogValue(def, log, caseLogDay(period, asOf), campaign);
    // Working days are shown to one decimal everywhere (the summary's 7.8), so the annex holds that same figure.
    return value === null ? undefined : def.kind === 'days' ? roundHalfUp(value, 1) : value;
  };
  for (const { name, columns } of annexSheets(campaign)) valuesSheet(book, name, columns, lines, names, caseLog);
  rosterSheet(book, input);
  notesSheet(book, campaign, names.get(unitCode) ?? unitCode, asOf);
  return Buffer.from(await book.xlsx.writeBuffer());
}
