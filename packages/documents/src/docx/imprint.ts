import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { DocumentContent } from '../content';
import { FONT, font, OFF_GRID, TEXT_HEIGHT, TEXT_WIDTH } from './gbt9704';
import { copyToText } from '../settings';

/** 4号仿宋 (14 pt) for the 版记. */
const SIZE = 28;
const ONE_CHAR = 280;
const imprintRun = (text: string) => new TextRun({ text, font: font(FONT.body), size: SIZE, snapToGrid: false });
const line = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** Each row exactly one 4号 line of 20 pt and its 3 pt margins, so the table's height is known before any reader sets it. */
const ROW_HEIGHT = 400 + 2 * 60;
/**
 * What the ruled lines and rounding may add to the rows: kept free at the foot so the table never spills onto a new page
 * (at 2 pt, LibreOffice sets the last rule 0.7 mm above the 版心's foot).
 */
const SLACK = 40;

function row(children: TextRun[], tab = false): TableRow {
  return new TableRow({
    cantSplit: true,
    height: { value: ROW_HEIGHT, rule: HeightRule.EXACT },
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
 * last line with a thin one between; its rows never split.
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
    borders: {
      top: line(8),
      bottom: line(8),
      insideHorizontal: line(4),
      left: none,
      right: none,
      insideVertical: none,
    },
  });
}

/**
 * The 版记 page: the back of the last sheet (an even page; LibreOffice and Word insert a blank page before it where the
 * text ends on an even page), without a page number (GB/T 9704 7.5), the table at its foot. One exact line fills the
 * page down to the table: Word and LibreOffice both set an exact line and exact rows alike, where LibreOffice ignores
 * a section's bottom alignment (w:vAlign) and a table floated to the page's foot.
 */
export function imprintPage(content: DocumentContent, blankBefore = false): (Paragraph | Table)[] {
  return [
    ...(blankBefore ? [new Paragraph({ style: OFF_GRID, children: [] })] : []),
    new Paragraph({
      style: OFF_GRID,
      pageBreakBefore: blankBefore,
      children: [],
      spacing: { line: TEXT_HEIGHT - 2 * ROW_HEIGHT - SLACK, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    }),
    imprintTable(content),
  ];
}
