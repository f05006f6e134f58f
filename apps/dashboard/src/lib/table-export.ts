/** A table as the page shows it, ready for a spreadsheet: header rows and body rows of cell texts. */
export interface ExportedTable {
  title: string;
  header: string[][];
  rows: string[][];
}

export type SheetCell = string | number | { percent: number };

const plainNumber = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;
const percentNumber = /^-?\d+(\.\d+)?%$/;

/** A figure as shown ('1,234.5', '82.1%') becomes a number in the sheet; any other text stays as it is. */
export function sheetCell(text: string): SheetCell {
  const t = text.trim();
  // Figures above 999 are shown grouped ('1,234'); six or more bare digits are a division code, kept as text.
  if (/^\d{6,}$/.test(t)) return t;
  if (plainNumber.test(t)) return Number(t.replace(/,/g, ''));
  if (percentNumber.test(t)) return { percent: Number(t.slice(0, -1)) / 100 };
  return t;
}

/** The file's name: the table's title and the as-of date, without characters a file system refuses. */
export function exportFileName(title: string, asOf: string | null): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || '表格';
  return `${safe}${asOf ? `_${asOf}` : ''}.xlsx`;
}

/** Reads a rendered <table>: the cells' visible text, leaving out cells marked data-export="skip" (checkboxes, buttons). */
export function readTable(table: HTMLTableElement, title: string): ExportedTable {
  const texts = (row: HTMLTableRowElement) =>
    [...row.cells]
      .filter((c) => c.dataset.export !== 'skip')
      .map((c) => (c.dataset.exportValue ?? c.innerText ?? c.textContent ?? '').replace(/\s+/g, ' ').trim());
  return {
    title,
    header: [...(table.tHead?.rows ?? [])].map(texts),
    rows: [...table.tBodies]
      .flatMap((b) => [...b.rows])
      .map(texts)
      .concat([...(table.tFoot?.rows ?? [])].map(texts)),
  };
}
