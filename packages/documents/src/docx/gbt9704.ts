import { textWidthInChars, titleLines, wrapAtWords } from './line-breaks';
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  ImportedXmlComponent,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionPropertiesOptions,
} from 'docx';

// GB/T 9704-2012 党政机关公文格式, in the units Word stores: twips (1/20 pt) and half-points.
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const ptToTwips = (pt: number): number => pt * 20;

export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 3号 body text. */
export const BODY_PT = 16;
/** Floor, not round: 22 × 580 = 12760 twips would overrun the 12756-twip 版心 and push the 22nd line to the next page. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);
/**
 * 28 3号 characters (448 pt) overrun the 156 mm line (442.25 pt), so each character is condensed by run spacing in twips,
 * floored so 28 always fit and 29 never do. A character grid would do this in Word only: LibreOffice gives a glyph wider
 * than its cell two cells, 14 a line.
 */
export const CHAR_SPACING = Math.floor(TEXT_WIDTH / CHARS_PER_LINE - ptToTwips(BODY_PT));
/** One body character as set: 16 pt plus the condensing. */
export const CHAR_PITCH = ptToTwips(BODY_PT) + CHAR_SPACING;
export const INDENT_TWO_CHARS = 2 * CHAR_PITCH;

export const FONT = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, small: 18 } as const;

export const font = (eastAsia: string, latin: string = FONT.latin) => ({
  eastAsia,
  ascii: latin,
  hAnsi: latin,
  cs: latin,
});

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export const headingFont: Record<1 | 2 | 3 | 4, string> = {
  1: FONT.heading1,
  2: FONT.heading2,
  3: FONT.body,
  4: FONT.body,
};

export function run(text: string, eastAsia: string = FONT.body): TextRun {
  return new TextRun({ text, font: font(eastAsia), size: SIZE.body, characterSpacing: CHAR_SPACING });
}

/** `keepNext` with widow control: at least the paragraph's last two lines go to the page of what follows. */
export function bodyParagraph(children: TextRun[], keepNext = false): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_TWO_CHARS },
    spacing: exactLine,
    ...(keepNext ? { keepNext, widowControl: true } : {}),
  });
}

/** 一、黑体 /（一）楷体 / 1. 仿宋 /（1）仿宋, all 3号, indented two characters like the body. */
export function headingParagraph(level: 1 | 2 | 3 | 4, text: string): Paragraph {
  return new Paragraph({
    children: [run(text, headingFont[level])],
    indent: { firstLine: INDENT_TWO_CHARS },
    spacing: exactLine,
    outlineLevel: level - 1,
    keepNext: true,
  });
}

/** 2号 characters a title line holds: 20 × 22 pt of the 442 pt line. */
export const TITLE_CHARS = Math.floor(TEXT_WIDTH / (SIZE.title * 10));

/**
 * The title centred, broken by meaning over as few 2号 lines as it needs (the given lines are joined first: the plan's
 * name is never split), never inside a word. Off the grid: LibreOffice gives a 2号 line on the grid two grid lines where
 * Word keeps its exact one.
 */
export function titleParagraphs(lines: string[]): Paragraph[] {
  return titleLines(lines.join(''), TITLE_CHARS).map(
    (line) =>
      new Paragraph({
        style: OFF_GRID,
        children: [new TextRun({ text: line, font: font(FONT.title), size: SIZE.title })],
        alignment: AlignmentType.CENTER,
        spacing: exactLine,
        keepNext: true,
      }),
  );
}

/** Lines set with explicit breaks between them, so a reader wraps only where the words allow. */
export function brokenRuns(lines: string[], eastAsia: string = FONT.body): TextRun[] {
  return lines.map(
    (text, i) =>
      new TextRun({
        text,
        font: font(eastAsia),
        size: SIZE.body,
        characterSpacing: CHAR_SPACING,
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

export const blankLine = (keepNext = false): Paragraph => new Paragraph({ children: [], spacing: exactLine, keepNext });

/** 主送机关: flush left, followed by a full-width colon. */
export function recipientParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], spacing: exactLine });
}

/** 附件 label: 3号黑体, flush left on the first line of a new page. */
export function attachmentLabel(text: string): Paragraph {
  return new Paragraph({ children: [run(text, FONT.heading1)], spacing: exactLine, pageBreakBefore: true });
}

/**
 * 附件说明 (GB/T 9704 7.3.4): '附件：1.××' two characters in; later names under the first, and a long name wraps to
 * its own first character. Returns each line's start and wrap positions in characters.
 */
export function attachmentNoteLines(titles: string[]): { text: string; start: number; wrap: number }[] {
  const head = '附件：';
  const names = 2 + textWidthInChars(head);
  return titles.map((title, i) => {
    const number = titles.length > 1 ? `${i + 1}.` : '';
    return {
      text: `${i === 0 ? head : ''}${number}${title}`,
      start: i === 0 ? 2 : names,
      wrap: names + textWidthInChars(number),
    };
  });
}

/** A long name goes on under its first character, broken where its words allow. */
export function attachmentNote(titles: string[]): Paragraph[] {
  const at = (chars: number) => Math.round(chars * CHAR_PITCH);
  return attachmentNoteLines(titles).map(
    (line) =>
      new Paragraph({
        children: brokenRuns(wrapAtWords(line.text, CHARS_PER_LINE - line.start, CHARS_PER_LINE - line.wrap)),
        indent: { left: at(line.wrap), hanging: at(line.wrap - line.start) },
        spacing: exactLine,
        keepNext: true,
        keepLines: true,
      }),
  );
}

export { textWidthInChars };

/**
 * 署名 and 成文日期 for a seal (GB/T 9704 7.3.5.1): the date four characters in from the right margin, the issuer centred
 * over the date. Returns both right indents in characters.
 */
export function sealSignatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const centre = 4 + textWidthInChars(date) / 2;
  return { date: 4, issuer: Math.max(0, centre - textWidthInChars(issuer) / 2) };
}

/** Kept with the text before them and with each other: the signature never stands alone on a page. */
export function signatureParagraphs(issuer: string, date: string): Paragraph[] {
  const indents = sealSignatureIndents(issuer, date);
  const at = (chars: number) => Math.round(chars * CHAR_PITCH);
  return [
    new Paragraph({
      children: [run(issuer)],
      alignment: AlignmentType.RIGHT,
      indent: { right: at(indents.issuer) },
      spacing: exactLine,
      keepNext: true,
      keepLines: true,
    }),
    new Paragraph({
      children: [run(date)],
      alignment: AlignmentType.RIGHT,
      indent: { right: at(indents.date) },
      spacing: exactLine,
      keepNext: true,
      keepLines: true,
    }),
  ];
}

/** 附注 (GB/T 9704 7.3.6): one line under the date, two characters in, in parentheses. */
export function noteParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text)],
    indent: { firstLine: INDENT_TWO_CHARS },
    spacing: exactLine,
    keepLines: true,
  });
}

/**
 * Tables, figures and page numbers are not body text: a paragraph style that leaves the document grid (w:snapToGrid 0),
 * which docx has no option for, so it is written as XML.
 */
export const OFF_GRID = 'OffGrid';
export const offGridStyle = () =>
  ImportedXmlComponent.fromXmlString(
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${OFF_GRID}"><w:name w:val="Off Grid"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>`,
  );

const pageNumberRun = (children: string[]) =>
  new TextRun({ children, font: font(FONT.pageNumber, FONT.pageNumber), size: SIZE.pageNumber, snapToGrid: false });

/** '— 1 —' in 4号宋体: odd pages right with one character kept free, even pages left. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = ptToTwips(SIZE.pageNumber / 2);
  return new Footer({
    children: [
      new Paragraph({
        children: [pageNumberRun(['— ', PageNumber.CURRENT, ' —'])],
        style: OFF_GRID,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      }),
    ],
  });
}

export const footers = () => ({ default: pageNumberFooter('odd'), even: pageNumberFooter('even') });

/**
 * The 一字线 of the page number sits 7 mm below the 版心 (GB/T 9704 7.5): footer distance = bottom margin − 7 mm − one
 * 4号 line, less the 2.1 mm LibreOffice sets between the line's top and the dash (measured in its PDF).
 */
export const FOOTER_DISTANCE = mmToTwips(35 - 7 + 2.1) - ptToTwips(SIZE.pageNumber / 2);

export const sectionProperties: ISectionPropertiesOptions = {
  page: {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { ...MARGIN, header: mmToTwips(15), footer: FOOTER_DISTANCE, gutter: 0 },
  },
  grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
};

/** Normal is 3号仿宋 so the grid's character pitch is measured against the body font. */
export const documentDefaults = {
  run: { font: font(FONT.body), size: SIZE.body, characterSpacing: CHAR_SPACING },
  paragraph: { spacing: exactLine },
};

/**
 * Normal carries the body font too (layout engines that size the character grid from Normal, not docDefaults, agree)
 * and states Word's own default w:overflowPunct on: LibreOffice reads that element inverted and, left to its default,
 * hangs a line-end 、；。 past the margin of a justified line and drops it from the page.
 */
export const normalStyle = () =>
  ImportedXmlComponent.fromXmlString(
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
      `<w:pPr><w:overflowPunct w:val="1"/><w:spacing w:after="0" w:before="0" w:line="${LINE_PITCH}" w:lineRule="exact"/></w:pPr>` +
      `<w:rPr><w:rFonts w:ascii="${FONT.latin}" w:cs="${FONT.latin}" w:eastAsia="${FONT.body}" w:hAnsi="${FONT.latin}"/><w:spacing w:val="${CHAR_SPACING}"/><w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/></w:rPr></w:style>`,
  );
