import type ExcelJS from 'exceljs';

/** The annex's sheets of reported values: all but the roster and the notes. */
export const isValueSheet = (sheet: ExcelJS.Worksheet) => !['村级台账', '说明'].includes(sheet.name);
export const valueSheets = (book: ExcelJS.Workbook) => book.worksheets.filter(isValueSheet);
