import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TabStopType, TextRun } from 'docx';
import type { DocumentContent } from './content';
import { CHAR_PITCH, FONT, font, LINE_PITCH, run, TEXT_WIDTH } from './gbt9704';
import { docNumberText, signerText } from './settings';

/** GB/T 9704 red: the 发文机关标志 and the separator under the 版头. */
export const RED = 'FF0000';
/** 小初 (36 pt) 小标宋, two grid lines high so nothing is clipped. */
const MARK_SIZE = 72;

/**
 * 版头 (GB/T 9704 7.2): the red 发文机关标志, one blank line, then 发文字号 — centred for a 下行文; for a 上行文 one
 * character in from the left with 签发人 one character in from the right — and 4 mm under it the red separator as wide as the 版心.
 */
export function mastheadParagraphs(content: DocumentContent): Paragraph[] {
  const mark = new Paragraph({
    children: [new TextRun({ text: content.mark, font: font(FONT.title), size: MARK_SIZE, color: RED })],
    alignment: AlignmentType.CENTER,
    spacing: { line: 2 * LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: true,
  });
  const separator = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } };
  const number = docNumberText(content.settings);
  const line =
    content.direction === 'up'
      ? new Paragraph({
          children: [
            run(`　${number}`),
            new TextRun({ text: '\t' }),
            run('签发人：'),
            run(signerText(content.settings), FONT.heading2),
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
  const blank = () =>
    new Paragraph({
      children: [],
      spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      keepNext: true,
    });
  return [mark, blank(), line, blank(), blank()];
}
