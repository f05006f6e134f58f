import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, WidthType } from 'docx';
import type { DocumentContent } from './content';
import { FONT, font, OFF_GRID, TEXT_WIDTH } from './gbt9704';
import { copyToText } from './settings';

/** 4号仿宋 (14 pt) for the 版记. */
const SIZE = 28;
const ONE_CHAR = 280;
const imprintRun = (text: string) => new TextRun({ text, font: font(FONT.body), size: SIZE, snapToGrid: false });
const line = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function row(children: TextRun[], tab = false): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        margins: { top: 60, bottom: 60, left: 0, right: 0 },
        children: [
          new Paragraph({
            style: OFF_GRID,
            children,
            indent: { left: ONE_CHAR, right: ONE_CHAR },
            tabStops: tab ? [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * ONE_CHAR }] : [],
            alignment: AlignmentType.LEFT,
            spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          }),
        ],
      }),
    ],
  });
}

/**
 * 版记 (GB/T 9704 7.4): 抄送机关, then 印发机关和印发日期, one character in from each side, between a thick first and
 * last line with a thin one between; after the last attachment, on the document's last page, its rows never split.
 */
export function imprintTable(content: DocumentContent): Table {
  return new Table({
    rows: [
      row([imprintRun(copyToText(content.settings))]),
      row([imprintRun(content.printedBy), new TextRun({ text: '\t' }), imprintRun(`${content.date}印发`)], true),
    ],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: { top: line(8), bottom: line(8), insideHorizontal: line(4), left: none, right: none, insideVertical: none },
  });
}
