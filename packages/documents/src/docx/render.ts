import {
  AlignmentType,
  Document,
  Footer,
  SectionType,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';
import { svgToPng } from '../charts';
import type { Block, Cell, Column, DocumentContent } from '../content';
import {
  attachmentLabel,
  attachmentNote,
  blankLine,
  bodyParagraph,
  documentDefaults,
  normalStyle,
  OFF_GRID,
  offGridStyle,
  FONT,
  font,
  footers,
  headingFont,
  headingParagraph,
  recipientParagraph,
  run,
  sectionProperties,
  signatureParagraphs,
  SIZE,
  TEXT_WIDTH,
  titleParagraphs,
  noteParagraph,
} from './gbt9704';
import { fontTableOverride } from './font-table';
import { textWidthInChars, wrapAtWords } from './line-breaks';
import { tableLayout, unbreakableRuns } from './table-widths';
import { imprintPage } from './imprint';
import { mastheadParagraphs } from './masthead';

// Tables and figures step off the 3号 grid: 五号 text on its own exact 15 pt lines, not snapped to the character grid.
const tableSpacing = { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const tableRun = (text: string, eastAsia: string = FONT.body, size: number = SIZE.table) =>
  new TextRun({ text, font: font(eastAsia), size, snapToGrid: false });
/** Left and right cell margins in twips: narrow, so a column of n characters needs little more than n characters. */
const CELL_MARGIN = 40;

const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A line longer than the cell holds (`room` characters) is broken at word boundaries, never inside a word; prose is
 * broken here too, between runs that hold a figure with its unit, a closing mark kept on the line it closes, so no
 * reader breaks 80 from 分. `keepNext` holds the last row to the table's note, so the note never starts a page alone.
 */
function cell(content: Cell, width: number, align: Column['align'], header: boolean, size: number, keepNext = false) {
  const room = (width - 2 * CELL_MARGIN) / (size * 10);
  const given = typeof content === 'string' ? [content] : content;
  const lines =
    align === 'left' && !header
      ? given.flatMap((line) => wrapProse(line, room - 0.5))
      : given.flatMap((line) => wrapAtWords(line, room));
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 30, bottom: 30, left: CELL_MARGIN, right: CELL_MARGIN },
    children: lines.map(
      (line) =>
        new Paragraph({
          style: OFF_GRID,
          children: [tableRun(line, header ? FONT.heading1 : FONT.body, size)],
          alignment: alignment[header ? 'center' : (align ?? 'center')],
          spacing: { line: Math.round(size * 10 * 1.4), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          keepNext,
        }),
    ),
  });
}

function wrapProse(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const run of unbreakableRuns(text)) {
    const closing = /^[、，。；：）》”！？]$/.test(run);
    if (line && !closing && textWidthInChars(line + run) > room) {
      lines.push(line);
      line = run;
    } else line += run;
  }
  if (line) lines.push(line);
  return lines;
}

function table(block: Extract<Block, { kind: 'table' }>): FileChild[] {
  const { size, widths } = tableLayout(block, TEXT_WIDTH, CELL_MARGIN);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.header, widths[i] ?? 0, 'center', true, size)),
  });
  const last = block.rows.length - 1;
  const rows = block.rows.map(
    (r, n) =>
      new TableRow({
        cantSplit: true,
        children: r.map((c, i) =>
          cell(c, widths[i] ?? 0, block.columns[i]?.align, false, size, Boolean(block.note) && n === last),
        ),
      }),
  );
  const out: FileChild[] = [
    new Table({
      rows: [header, ...rows],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
    }),
  ];
  if (block.note)
    out.push(
      new Paragraph({ style: OFF_GRID, children: [tableRun(block.note)], spacing: { ...tableSpacing, before: 60 } }),
    );
  return out;
}

const CHART_BEFORE = 120;

/** Each chart's PNG fallback by its SVG. */
type Pngs = ReadonlyMap<string, Buffer>;

/** Every chart of the document and its annexes, rendered together before the document is laid out. */
async function chartPngs(content: DocumentContent): Promise<Pngs> {
  const svgs = [...content.body, ...content.attachments.flatMap((a) => a.blocks)].flatMap((b) =>
    b.kind === 'chart' ? [b.chart.svg] : [],
  );
  const pngs = await Promise.all(svgs.map((svg) => svgToPng(svg)));
  return new Map(svgs.map((svg, i) => [svg, pngs[i]!]));
}

function chart(block: Extract<Block, { kind: 'chart' }>, pngs: Pngs): FileChild[] {
  const { chart: c } = block;
  return [
    new Paragraph({
      style: OFF_GRID,
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: CHART_BEFORE, after: 0 },
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(c.svg, 'utf8'),
          fallback: { type: 'png', data: pngs.get(c.svg)! },
          transformation: { width: c.width, height: c.height },
          altText: { name: c.caption, description: c.caption, title: c.caption },
        }),
      ],
    }),
    new Paragraph({ children: [run(c.caption)], alignment: AlignmentType.CENTER }),
  ];
}

/** `keepNext` holds the text's last paragraph to the 附件说明 and signature after it. */
export function blockToDocx(block: Block, pngs: Pngs, keepNext = false): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [headingParagraph(block.level, block.text)];
    case 'paragraph':
      return [
        bodyParagraph(
          block.lead ? [run(block.lead.text, headingFont[block.lead.level]), run(block.text)] : [run(block.text)],
          keepNext,
        ),
      ];
    case 'table':
      return table(block);
    case 'chart':
      return chart(block, pngs);
  }
}

/**
 * Only the body's last paragraph is held to the 附件说明 and signature after it (a one-line 特此报告。 or the text's last
 * paragraph): LibreOffice moves a held paragraph whole, so a chain of held paragraphs leaves half a page empty.
 */
const closingFrom = (body: Block[]): number => body.length - 1;

/**
 * 版头 → 标题 → 主送机关 → 正文 → 附件说明 → 署名、成文日期 → 附注 → 附件 (each from a new page) → 版记, as GB/T 9704
 * orders them.
 */
export function documentChildren(content: DocumentContent, pngs: Pngs): FileChild[] {
  const children: FileChild[] = [...mastheadParagraphs(content), ...titleParagraphs(content.title), blankLine()];
  if (content.recipient) children.push(recipientParagraph(content.recipient));
  children.push(...content.body.flatMap((block, i) => blockToDocx(block, pngs, i >= closingFrom(content.body))));
  const named = [...content.attachments.map((a) => a.title), ...(content.enclosures ?? [])];
  if (named.length > 0) children.push(blankLine(true), ...attachmentNote(named));
  // Room above the issuer for the seal.
  children.push(
    blankLine(true),
    blankLine(true),
    ...signatureParagraphs(content.issuer, content.date),
    noteParagraph(content.note),
  );
  for (const attachment of content.attachments) {
    children.push(
      attachmentLabel(attachment.label),
      blankLine(),
      ...titleParagraphs([attachment.title]),
      blankLine(),
      ...attachment.blocks.flatMap((b) => blockToDocx(b, pngs)),
    );
  }
  return children;
}

/**
 * A footer with nothing in it, one exact 1-pt line high: LibreOffice gives a footer without a paragraph one line of the
 * default style, which took some 7 pt from the foot of the 版记 page's 版心.
 */
const emptyFooter = () =>
  new Footer({
    children: [
      new Paragraph({ style: OFF_GRID, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }),
    ],
  });

/**
 * `blankBeforeImprint` is for a reader that ignores the 版记 section's even-page start (LibreOffice 7): the section then
 * starts on the next page and opens with a blank one, so the 版记 still falls on an even page (see `printReadyDocx`).
 */
export async function renderDocx(content: DocumentContent, blankBeforeImprint = false): Promise<Buffer> {
  const pngs = await chartPngs(content);
  const doc = new Document({
    title: content.title.join(''),
    creator: content.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: documentDefaults }, importedStyles: [normalStyle(), offGridStyle()] },
    sections: [
      { properties: sectionProperties, footers: footers(), children: documentChildren(content, pngs) },
      // The 版记 on the back of the last sheet: an even page with no page number. No document grid there: its
      // lines are all off the grid, and LibreOffice still set the page 15 pt lower on it, so the 印发 row ran past
      // the 版心's foot and was cut through its characters.
      {
        properties: {
          page: sectionProperties.page,
          type: blankBeforeImprint ? SectionType.NEXT_PAGE : SectionType.EVEN_PAGE,
        },
        footers: { default: emptyFooter(), even: emptyFooter() },
        children: imprintPage(content, blankBeforeImprint),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [fontTableOverride()]);
}
