import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { citySummaryContent, noSettings, provinceSummaryContent, supervisionNoticeContent } from '@dudao/documents';
import { printReadyDocx } from '@dudao/documents/pdf';
import type { Opened } from '../src/db/client';
import { currentCampaign } from '../src/services/campaign/store';
import { snapshotAt } from '../src/services/documents/snapshot';
import { resetDatabase } from '../src/services/seed/reset';
import { emptyLocation } from './support/fresh-db';
import {
  glyphInk,
  horizontalRules,
  isPageNumber,
  MM,
  pdfBlocks,
  pdfLines,
  TEXT_FOOT,
  type Line,
} from './support/pdf-layout';

// GB/T 9704-2012 to the millimetre, measured on the PDF LibreOffice prints of the demo's December 15 documents:
// the 蚌埠 summary (a 上行文 with its number and signer filled in), the provincial summary (blanks) and the 通报.
let opened: Opened;
const pdfs: Record<'city' | 'province' | 'notice', string> = { city: '', province: '', notice: '' };
const pages: Record<string, Line[][]> = {};

beforeAll(async () => {
  ({ opened } = await resetDatabase(await emptyLocation(), { demo: true, scale: 'province' }));
  const snapshot = await snapshotAt(
    { db: opened.db, campaign: await currentCampaign({ db: opened.db }) },
    '2021-12-15',
  );
  const dir = mkdtempSync(join(tmpdir(), 'dudao-gbt9704-'));
  const filled = { ...noSettings, docNumber: '蚌民〔2021〕85号', signer: '张三' };
  const contents = {
    city: citySummaryContent(snapshot, '3403', filled),
    province: provinceSummaryContent(snapshot),
    notice: supervisionNoticeContent(snapshot),
  };
  for (const [name, content] of Object.entries(contents) as [keyof typeof pdfs, typeof contents.city][]) {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, (await printReadyDocx(content)).pdf);
    pdfs[name] = file;
    pages[name] = pdfLines(file);
  }
}, 600_000);

afterAll(async () => opened?.close());

const names = ['city', 'province', 'notice'] as const;
const mm = (pt: number) => pt / MM;

describe('版头', () => {
  test.each(names)(
    '%s: the 发文机关标志 starts 35 mm below the 版心 (72 mm from the top), 21 mm over the 发文字号',
    (name) => {
      const ink = glyphInk(pdfs[name], 1);
      const top = Math.min(...ink.map((g) => g.top));
      expect(mm(top)).toBeGreaterThan(71);
      expect(mm(top)).toBeLessThan(73);
      // The mark is one line of 36 pt characters: its glyphs start within 15 mm of its top.
      const mark = ink.filter((g) => g.top < top + 15 * MM);
      const foot = Math.max(...mark.map((g) => g.bottom));
      const next = Math.min(...ink.filter((g) => g.top > foot).map((g) => g.top));
      // Two blank 3号 lines: about 21 mm of white between the mark's foot and the number's top.
      expect(mm(next - foot)).toBeGreaterThan(20);
      expect(mm(next - foot)).toBeLessThan(22);
    },
  );

  test('上行文: the 发文字号 one character in from the left, 签发人 one character in from the right', () => {
    const line = pages.city![0]!.find((l) => l.text.startsWith('蚌民〔2021〕85号'))!;
    // One 3号 character as set: 28 of them fill the 156 mm line.
    const oneChar = (156 * MM) / 28;
    expect(Math.abs(line.xMin - (28 * MM + oneChar))).toBeLessThan(1 * MM);
    const signer = pages.city![0]!.find((l) => l.text.endsWith('张三'))!;
    expect(Math.abs(signer.xMax - (210 - 26) * MM + oneChar)).toBeLessThan(1 * MM);
  });

  test.each(names)("%s: the title keeps the plan's name on one line", (name) => {
    const lines = pages[name]![0]!.map((l) => l.text);
    expect(lines).toContain('社会救助工作便民惠民优化服务行动');
  });
});

/** The main text's pages: those before the first attachment label (附件 or 附件1 alone on its line). */
const bodyPages = (name: string) => {
  const all = pages[name]!;
  const first = all.findIndex((p) => /^附件\d*$/.test(p[0]?.text ?? ''));
  return all.slice(0, first < 0 ? all.length - 1 : first);
};
const baselines = (page: Line[]) => new Set(page.filter((l) => !isPageNumber(l)).map((l) => Math.round(l.yMax))).size;

describe('pages', () => {
  test.each(names)('%s: no page of the text but its last holds fewer than 11 lines', (name) => {
    const body = bodyPages(name);
    expect(body.length).toBeGreaterThan(3);
    for (const page of body.slice(0, -1)) expect(baselines(page)).toBeGreaterThanOrEqual(11);
  });

  test.each(names)('%s: page numbers 7 mm under the 版心, odd pages right and even pages left', (name) => {
    const all = pages[name]!;
    const numbered = all.flatMap((p, i) => (p.some(isPageNumber) ? [i + 1] : []));
    expect(numbered.length).toBeGreaterThan(5);
    for (const n of [numbered[0]!, numbered[1]!, numbered[numbered.length - 1]!]) {
      // The 一字线 before the number is the first glyph under the 版心.
      const dash = glyphInk(pdfs[name], n)
        .filter((g) => g.top > TEXT_FOOT)
        .sort((a, b) => a.x - b.x)[0]!;
      expect(mm(dash.top - TEXT_FOOT)).toBeGreaterThan(6);
      expect(mm(dash.top - TEXT_FOOT)).toBeLessThan(8);
      const number = all[n - 1]!.find(isPageNumber)!;
      expect(number.text).toBe(`—${n}—`);
      if (n % 2 === 1) expect(number.xMax).toBeGreaterThan(105 * MM);
      else expect(number.xMin).toBeLessThan(105 * MM);
    }
  });

  test.each(names)('%s: the 版记 on an even page, unnumbered, its last rule on the 版心 foot', (name) => {
    const all = pages[name]!;
    expect(all.length % 2).toBe(0);
    const last = all[all.length - 1]!;
    expect(last.some((l) => l.text.endsWith('印发'))).toBe(true);
    expect(last.some(isPageNumber)).toBe(false);
    // The page before holds text (the 版记 is alone only as the back page), or is the blank added to reach it.
    const rules = horizontalRules(pdfs[name], all.length);
    expect(rules.length).toBe(3);
    expect(mm(Math.abs(Math.max(...rules) - TEXT_FOOT))).toBeLessThan(1);
  });
});

describe('附件说明', () => {
  test("later attachments under the first one's number, a long name wrapped under its first character", () => {
    const lines = pages.city!.flat();
    const first = lines.find((l) => l.text.startsWith('附件：1.'))!;
    const oneChar = (156 * MM) / 28;
    expect(Math.abs(first.xMin - (28 * MM + 2 * oneChar))).toBeLessThan(1);
    const second = lines.find((l) => l.text.startsWith('2.'))!;
    // '附件：' is three characters: '2.' starts where '1.' does.
    expect(Math.abs(second.xMin - (first.xMin + 3 * oneChar))).toBeLessThan(1);
    const wrapped = lines[lines.indexOf(lines.find((l) => l.text.startsWith('3.'))!) + 1]!;
    // '3.' is two half-width characters: the wrapped name starts one character further in.
    expect(Math.abs(wrapped.xMin - (second.xMin + oneChar))).toBeLessThan(1);
  });
});

/** Two-character words of the tables' headers and cells that a line must not end inside. */
const WORDS = [
  '明确',
  '配备',
  '建成',
  '负责',
  '民政',
  '工作',
  '保障',
  '纳入',
  '救助',
  '销号',
  '进展',
  '缓慢',
  '排名',
  '得分',
];

describe('tables', () => {
  test.each(names)('%s: no cell of an attachment breaks a figure or a two-character word over two lines', (name) => {
    const blocks = pdfBlocks(pdfs[name]);
    const first = pages[name]!.findIndex((p) => /^附件\d*$/.test(p[0]?.text ?? ''));
    let pairs = 0;
    const broken: string[] = [];
    for (const page of blocks.slice(first))
      for (const block of page)
        block.slice(1).forEach((line, i) => {
          const before = block[i]!;
          // The next line of the same cell: directly under it, overlapping it.
          if (line.yMin - before.yMax > 4 || line.xMin > before.xMax || line.xMax < before.xMin) return;
          pairs++;
          const joint = `${before.text.slice(-1)}${line.text.slice(0, 1)}`;
          if (/^[\d.,][\d.,%分项个件人元户天家次名]$/.test(joint) || WORDS.includes(joint))
            broken.push(`${before.text}/${line.text}`);
        });
    expect(pairs).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  });
});
