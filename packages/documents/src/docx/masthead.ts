import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TabStopType, TextRun } from 'docx';
import type { DocumentContent } from '../content';
import {
  CHAR_PITCH,
  CHAR_SPACING,
  FONT,
  font,
  LINE_PITCH,
  mmToTwips,
  OFF_GRID,
  run,
  SIZE,
  TEXT_WIDTH,
} from './gbt9704';
import { docNumberText } from '../settings';

/** GB/T 9704 red: the 发文机关标志 and the separator under the 版头. */
export const RED = 'FF0000';
/** 小初 (36 pt) 小标宋, two grid lines high so nothing is clipped. */
const MARK_SIZE = 72;
/**
 * Space above the mark, measured in LibreOffice's PDF: its glyphs' top edge 35 mm below the 版心's (72 mm from the
 * page's top) where the exact two-line mark alone put it 42 mm down.
 */
const ABOVE_MARK = mmToTwips(30);
/** The two blank lines under the mark: 21 mm from its glyphs' foot to the 发文字号's top, as set in LibreOffice. */
const UNDER_MARK = mmToTwips(14.7);

/**
 * 版头 (GB/T 9704 7.2): the red 发文机关标志, one blank line, then 发文字号 — centred for a 下行文; for a 上行文 one
 * character in from the left with 签发人 one character in from the right — and 4 mm under it the red separator as wide as the 版心.
 */
export function mastheadParagraphs(content: DocumentContent): Paragraph[] {
  const mark = new Paragraph({
    children: [new TextRun({ text: content.mark, font: font(FONT.title), size: MARK_SIZE, color: RED })],
    alignment: AlignmentType.CENTER,
    spacing: { line: 2 * LINE_PITCH, lineRule: LineRuleType.EXACT, before: ABOVE_MARK, after: 0 },
    keepNext: true,
  });
  const separator = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } };
  const number = docNumberText(content.settings);
  const line =
    content.direction === 'up'
      ? new Paragraph({
          children: [
            run('　'),
            ...numberRuns(content),
            new TextRun({ text: '\t' }),
            run('签发人：'),
            content.settings.signer ? run(content.settings.signer, FONT.heading2) : underlinedBlank(),
          ],
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR_PITCH }],
          border: separator,
          spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          keepNext: true,
        })
      : new Paragraph({
          children: [run(number)],
          alignment: AlignmentType.CENTER,
          border: separator,
          spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          keepNext: true,
        });
  // Off the grid, or LibreOffice rounds each blank up to a whole grid line.
  const blank = (height = LINE_PITCH) =>
    new Paragraph({
      style: height === LINE_PITCH ? undefined : OFF_GRID,
      children: [],
      spacing: { line: height, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      keepNext: true,
    });
  return [mark, blank(UNDER_MARK / 2), blank(UNDER_MARK / 2), line, blank(), blank()];
}

/**
 * A 发文字号 not yet given is a line to write on: its 机关代字 an underlined blank, so the number visibly starts one
 * character in (blank spaces alone would leave it starting five characters in).
 */
function numberRuns(content: DocumentContent): TextRun[] {
  if (content.settings.docNumber) return [run(content.settings.docNumber)];
  return [underlinedBlank(), run('〔　　　〕　　号')];
}

/** Four characters' room to write on, underlined so a reader sets (and a reader's eye finds) its ends. */
const underlinedBlank = () =>
  new TextRun({
    text: '　　　　',
    font: font(FONT.body),
    size: SIZE.body,
    characterSpacing: CHAR_SPACING,
    underline: {},
  });
