import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { ImportRejected, type ImportIssue } from '../import-errors';
import { FileFormatError } from './file-format-error';
import { assertSafeZip } from './zip-guard';

export { FileFormatError } from './file-format-error';

export interface TableRow {
  /** 1-based row number as the user sees it in Excel (the header is row 1). */
  row: number;
  cells: Record<string, string>;
}
export interface Table {
  headers: string[];
  rows: TableRow[];
}

/** A cell whose text we cannot trust: an error value, or a formula the file carries no computed value for. */
type CellText = { ok: true; text: string } | { ok: false; message: string };

function cellText(value: ExcelJS.CellValue): CellText {
  if (value == null) return { ok: true, text: '' };
  if (value instanceof Date) return { ok: true, text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('error' in value) return { ok: false, message: `单元格为错误值 ${String(value.error)}，请修正后再上传` };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      if (result == null)
        return { ok: false, message: '单元格是公式但没有计算结果，请在 Excel 中重新计算并保存，或粘贴为数值' };
      return cellText(result);
    }
    if ('richText' in value) return { ok: true, text: value.richText.map((r) => r.text).join('') };
    if ('text' in value && typeof value.text === 'string') return { ok: true, text: value.text };
    return { ok: false, message: '无法识别的单元格内容' };
  }
  return { ok: true, text: String(value) };
}

const columnLetter = (col: number): string =>
  col <= 26
    ? String.fromCharCode(64 + col)
    : columnLetter(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26));

function requireDistinctHeaders(headers: string[]): void {
  const seen = new Map<string, number>();
  const twice: string[] = [];
  headers.forEach((h, i) => {
    if (h === '') return;
    const first = seen.get(h);
    if (first !== undefined) twice.push(`“${h}”（第 ${first + 1} 列和第 ${i + 1} 列）`);
    else seen.set(h, i);
  });
  if (twice.length) throw new FileFormatError(`表头有重复的列：${twice.join('、')}，请删除多余的一列后再上传`);
}

async function readXlsx(buffer: Buffer): Promise<Table> {
  await assertSafeZip(buffer);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new FileFormatError('无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new FileFormatError('Excel 文件中没有工作表');
  const issues: ImportIssue[] = [];
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    const t = cellText(cell.value);
    headers[col - 1] = t.ok ? t.text.trim() : '';
    if (!t.ok) issues.push({ row: 1, column: `第 ${columnLetter(col)} 列表头`, message: t.message });
  });
  for (let i = 0; i < headers.length; i++) headers[i] ??= '';
  requireDistinctHeaders(headers);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      const t = cellText(row.getCell(i + 1).value);
      if (t.ok) cells[h] = t.text.trim();
      else {
        cells[h] = '';
        issues.push({ row: rowNumber, column: h || `第 ${columnLetter(i + 1)} 列`, message: t.message });
      }
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: rowNumber, cells });
  });
  if (issues.length) throw new ImportRejected(issues);
  return { headers, rows };
}

/**
 * UTF-8 (with or without BOM) is read as it is; a file that is not valid UTF-8 is what Chinese Excel writes by
 * default ("CSV" = GBK/GB18030), so it is decoded as GB18030, a superset of GBK.
 */
export function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    const text = iconv.decode(buffer, 'gb18030');
    if (text.includes('\ufffd'))
      throw new FileFormatError(
        'CSV 文件编码无法识别：既不是 UTF-8 也不是 GBK/GB18030，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再上传',
      );
    return text;
  }
}

function readCsv(buffer: Buffer): Table {
  let records: string[][];
  try {
    records = parse(decodeCsv(buffer), { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    if (e instanceof FileFormatError) throw e;
    throw new FileFormatError(`CSV 文件格式错误：${(e as Error).message}`);
  }
  const [head, ...body] = records;
  if (!head) throw new FileFormatError('CSV 文件为空');
  const headers = head.map((h) => h.trim());
  requireDistinctHeaders(headers);
  const rows = body.map((rec, i) => {
    const cells: Record<string, string> = {};
    headers.forEach((h, j) => (cells[h] = (rec[j] ?? '').trim()));
    return { row: i + 2, cells };
  });
  return { headers, rows };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readTable(buffer: Buffer, fileName: string): Promise<Table> {
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(buffer);
  if (/\.xlsx$/i.test(fileName)) throw new FileFormatError('文件扩展名为 .xlsx，但内容不是 Excel 文件');
  if (buffer.includes(0)) throw new FileFormatError('文件不是电子表格（应为 .xlsx 或 .csv）');
  return readCsv(buffer);
}

export function requireHeaders(table: Table, expected: readonly string[]): void {
  const missing = expected.filter((h) => !table.headers.includes(h));
  if (missing.length > 0) throw new FileFormatError(`表头缺少列：${missing.join('、')}（应为：${expected.join(',')}）`);
}
