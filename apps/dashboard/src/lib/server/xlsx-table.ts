import ExcelJS from 'exceljs';
import { sheetCell, type ExportedTable } from '$lib/table-export';

const maxRows = 20_000;

/** One sheet holding the table as shown: header rows in bold, figures as numbers, printable on A4 landscape. */
export async function tableWorkbook(table: ExportedTable): Promise<Buffer> {
  if (table.rows.length > maxRows) throw new Error(`表格超过 ${maxRows} 行，请缩小范围后导出`);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || '表格', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  for (const cells of table.header) sheet.addRow(cells).font = { bold: true };
  for (const cells of table.rows) {
    const row = sheet.addRow(
      cells.map((c) => {
        const cell = sheetCell(c);
        return typeof cell === 'object' ? cell.percent : cell;
      }),
    );
    cells.forEach((c, i) => {
      const cell = sheetCell(c);
      if (typeof cell === 'object') row.getCell(i + 1).numFmt = '0.0%';
    });
  }
  if (table.header.length) sheet.pageSetup.printTitlesRow = `1:${table.header.length}`;
  const widest = Math.max(0, ...[...table.header, ...table.rows].map((r) => r.length));
  for (let i = 1; i <= widest; i++) {
    const longest = Math.max(
      4,
      ...[...table.header, ...table.rows].map((r) =>
        [...(r[i - 1] ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 2 : 1), 0),
      ),
    );
    sheet.getColumn(i).width = Math.min(60, longest + 2);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
