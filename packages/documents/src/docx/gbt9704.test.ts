import { describe, expect, test } from 'vitest';
import {
  attachmentNoteLines,
  CHAR_PITCH,
  CHAR_SPACING,
  INDENT_TWO_CHARS,
  LINE_PITCH,
  MARGIN,
  mmToTwips,
  PAGE,
  sealSignatureIndents,
  TEXT_HEIGHT,
  TEXT_WIDTH,
} from './gbt9704';

describe('GB/T 9704 layout in twips', () => {
  // 1 mm = 1440 / 25.4 twips.
  test.each([
    [37, 2098], // 2097.64
    [35, 1984], // 1984.25
    [28, 1587], // 1587.40
    [26, 1474], // 1474.02
  ])('%i mm is %i twips', (mm, twips) => expect(mmToTwips(mm)).toBe(twips));

  test('the margins leave the 156 × 225 mm 版心 of an A4 page', () => {
    expect(PAGE).toEqual({ width: 11906, height: 16838 });
    expect(MARGIN).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(TEXT_WIDTH).toBe(11906 - 1587 - 1474);
    expect(TEXT_HEIGHT).toBe(16838 - 2098 - 1984);
  });

  test('22 exact lines fit the 12756-twip 版心: 579 twips each (22 × 580 = 12760 would not)', () => {
    expect(LINE_PITCH).toBe(579);
    expect(22 * LINE_PITCH).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect(22 * (LINE_PITCH + 1)).toBeGreaterThan(TEXT_HEIGHT);
  });

  test('28 characters fit the 8845-twip line: 8845 / 28 = 315.9 twips, so each 320-twip 3号 character is condensed by 5', () => {
    expect(CHAR_SPACING).toBe(-5);
    expect(CHAR_PITCH).toBe(315);
    expect(28 * 315).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * 315).toBeGreaterThan(TEXT_WIDTH);
  });

  test('paragraphs are indented two characters as set', () => expect(INDENT_TWO_CHARS).toBe(630));
});

describe('signature for a seal (GB/T 9704 7.3.5.1)', () => {
  test('the date keeps four characters from the right margin; the issuer is centred over it', () => {
    // '2021年12月15日' is 3 + 8 half-width digits = 7 wide, centre 4 + 3.5 = 7.5 from the margin; '蚌埠市民政局' is 6: right 7.5 − 3.
    expect(sealSignatureIndents('蚌埠市民政局', '2021年12月15日')).toEqual({ date: 4, issuer: 4.5 });
  });

  test('an issuer wider than the date still centres over it', () => {
    // '马鞍山市民政局社会救助处' is 12 wide: right 7.5 − 6 = 1.5.
    expect(sealSignatureIndents('马鞍山市民政局社会救助处', '2021年12月15日')).toEqual({ date: 4, issuer: 1.5 });
  });
});

describe('附件说明 (GB/T 9704 7.3.4)', () => {
  test('starts two characters in; later names and wrapped lines align with the first name', () => {
    // '附件：' is 3 characters, so names begin at 2 + 3 = 5; '1.' is two half-width characters, 1 in all.
    expect(attachmentNoteLines(['甲表', '乙图'])).toEqual([
      { text: '附件：1.甲表', start: 2, wrap: 6 },
      { text: '2.乙图', start: 5, wrap: 6 },
    ]);
  });

  test('a single attachment is not numbered', () => {
    expect(attachmentNoteLines(['一览表'])).toEqual([{ text: '附件：一览表', start: 2, wrap: 5 }]);
  });
});
