import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { assertSafeZip } from './zip-guard';

export interface TableRow {
  /** 1-based row number as the user sees it in Excel (the header is row 1). */
  row: number;
  cells: Record<string, string>;
}
export interface Table {
  headers: string[];
  rows: TableRow[];
}

export class FileFormatError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<Table> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new FileFormatError('无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new FileFormatError('Excel 文件中没有工作表');
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value).trim()));
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => (cells[h] = cellText(row.getCell(i + 1).value).trim()));
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: rowNumber, cells });
  });
  return { headers, rows };
}

function readCsv(buffer: Buffer): Table {
  let records: string[][];
  try {
    records = parse(buffer, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw new FileFormatError(`CSV 文件格式错误：${(e as Error).message}`);
  }
  const [head, ...body] = records;
  if (!head) throw new FileFormatError('CSV 文件为空');
  const headers = head.map((h) => h.trim());
  const rows = body.map((rec, i) => {
    const cells: Record<string, string> = {};
    headers.forEach((h, j) => (cells[h] = (rec[j] ?? '').trim()));
    return { row: i + 2, cells };
  });
  return { headers, rows };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readTable(buffer: Buffer, fileName: string): Promise<Table> {
  const isXlsx = buffer.subarray(0, 4).equals(ZIP_MAGIC);
  if (isXlsx) {
    assertSafeZip(buffer);
    return readXlsx(buffer);
  }
  if (/\.xlsx$/i.test(fileName)) throw new FileFormatError('文件扩展名为 .xlsx，但内容不是 Excel 文件');
  if (buffer.includes(0)) throw new FileFormatError('文件不是电子表格（应为 .xlsx 或 UTF-8 编码的 .csv）');
  return readCsv(buffer);
}

export function requireHeaders(table: Table, expected: readonly string[]): void {
  const missing = expected.filter((h) => !table.headers.includes(h));
  if (missing.length > 0) throw new FileFormatError(`表头缺少列：${missing.join('、')}（应为：${expected.join(',')}）`);
}
