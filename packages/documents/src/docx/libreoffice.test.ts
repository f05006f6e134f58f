import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { paragraph, type DocumentContent } from '../content';
import { renderDocx } from './render';
import { scoreChart } from '../compose/scope-charts';
import { noSettings } from '../settings';

// Small hand-made documents set by LibreOffice: what a reader sees at a line's end, a page's top and the last page's foot.

/** The notice's sentence whose 、 after 黄山市 and ； after 总结 fall just past the end of a justified line. */
const LIST =
  '截至2021年12月15日，芜湖市、蚌埠市、淮南市、马鞍山市、淮北市、铜陵市、安庆市、黄山市、滁州市、阜阳市、宿州市、亳州市和宣城市已报送市级行动总结；合肥市、六安市和池州市要于今日（12月15日）报送省民政厅。';
/** 109 characters and a 。: exactly four lines (26 + 28 + 28 + 28) with no punctuation at a line's end. */
const FILLER = `${'社会救助便民惠民优化服务行动'.repeat(8).slice(0, 109)}。`;
const ATTACHMENT = '蚌埠市各县（市、区）综合得分和村级服务覆盖情况图';

/**
 * LIST and one filler fill page 1; four fillers, `ones` one-line paragraphs and the last filler end on page 2 with too
 * little room under them for 特此报告。, the 附件说明 and the signature, which keep together: unless the text's last
 * lines go along, 特此报告。 opens page 3 on its own (it does in variants 0–2 when only 特此报告。 is held).
 */
function fixture(ones: number): DocumentContent {
  return {
    direction: 'up',
    mark: '蚌埠市民政局文件',
    settings: noSettings,
    title: ['蚌埠市民政局关于社会救助工作便民惠民', '优化服务行动开展情况的报告'],
    recipient: '省民政厅：',
    body: [
      paragraph(LIST, { level: 2, text: '（三）按时报送总结。' }),
      ...Array.from({ length: 5 }, () => paragraph(FILLER)),
      ...Array.from({ length: ones }, () => paragraph('各县（市、区）按期报送。')),
      paragraph(FILLER),
      paragraph('特此报告。'),
    ],
    issuer: '蚌埠市民政局',
    note: '（联系人：        ，联系电话：            ）',
    printedBy: '蚌埠市民政局办公室',
    date: '2021年12月15日',
    attachments: [
      {
        label: '附件',
        title: ATTACHMENT,
        blocks: [{ kind: 'table', columns: [{ header: '县（市、区）', width: 6 }], rows: [['龙子湖区']] }],
      },
    ],
  };
}

/** The same text with one chart as its attachment: the chart's page has room for the 版记 under it. */
function withChart(): DocumentContent {
  const chart = scoreChart('图1　各县（市、区）综合得分', ['龙子湖区', '五河县', '固镇县'], [100, 98.8, 77.6], 80);
  return { ...fixture(0), attachments: [{ label: '附件', title: ATTACHMENT, blocks: [{ kind: 'chart', chart }] }] };
}

const VARIANTS = [0, 1, 2, 3];
let charted: Line[][];
type Line = { text: string; yMin: number; yMax: number };
/** Per variant, per page, the lines pdftotext reads, with where each sits (points from the top of the page). */
let pages: Line[][][];
let pageHeight: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-lo-fixture-'));
  const docs: [string, DocumentContent][] = [
    ...VARIANTS.map((ones): [string, DocumentContent] => [`v${ones}`, fixture(ones)]),
    ['chart', withChart()],
  ];
  const files = await Promise.all(
    docs.map(async ([name, content]) => {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, await renderDocx(content));
      return file;
    }),
  );
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    env: { ...process.env, HOME: dir },
    stdio: 'ignore',
  });
  const read = (name: string): Line[][] => {
    const html = execFileSync('pdftotext', ['-bbox-layout', join(dir, `${name}.pdf`), '-']).toString();
    pageHeight = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)?.[1]);
    return html
      .split('<page ')
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map(
          (m) => ({
            yMin: Number(m[1]),
            yMax: Number(m[2]),
            text: [...(m[3] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
          }),
        ),
      );
  };
  pages = VARIANTS.map((ones) => read(`v${ones}`));
  charted = read('chart');
}, 300_000);

const isPageNumber = (l: Line) => /^—\d+—$/.test(l.text);
const text = (variant: Line[][]) =>
  variant.flatMap((p) => p.filter((l) => !isPageNumber(l)).map((l) => l.text)).join('');

describe('LibreOffice keeps every mark at a line end', () => {
  test('each 、；。 of the source text is on the page', () => {
    for (const variant of pages) {
      expect(text(variant)).toContain(LIST);
      // 13 cities joined by 11 、 and a 和, then 合肥市、六安市和池州市 with one more: 12 、 in all.
      const list = text(variant).slice(text(variant).indexOf('截至2021'), text(variant).indexOf('报送省民政厅。') + 7);
      expect([...list].filter((c) => c === '、').length).toBe(12);
      expect([...list].filter((c) => c === '；').length).toBe(1);
    }
  });
});

describe('the signature keeps with its text', () => {
  test('the signature page opens with text, and the page before it is not left half empty', () => {
    for (const variant of pages) {
      const at = variant.findIndex((p) => p.some((l) => l.text === '蚌埠市民政局'));
      const page = variant[at]!;
      // Only the last paragraph goes along: 特此报告。, or the filler's last lines with it.
      const closing = page.findIndex((l) => l.text === '特此报告。');
      expect(closing).toBeGreaterThanOrEqual(0);
      expect(page.slice(0, closing).every((l) => FILLER.includes(l.text))).toBe(true);
      if (closing === 0) expect(variant[at - 1]!.filter((l) => !isPageNumber(l)).length).toBeGreaterThanOrEqual(11);
    }
  });
});

describe('titles break between words', () => {
  test("附件's title is two 2号 lines, the longer on top, 覆盖 whole", () => {
    for (const variant of pages) {
      const page = variant.find((p) => p[0]?.text === '附件')!;
      expect(page.slice(1, 3).map((l) => l.text)).toEqual(['蚌埠市各县（市、区）综合得分', '和村级服务覆盖情况图']);
    }
  });

  test('the 附件说明 wraps its name at the same word boundary, not inside 情况', () => {
    for (const variant of pages) {
      const lines = variant.flat().map((l) => l.text);
      const at = lines.indexOf('附件：蚌埠市各县（市、区）综合得分');
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toBe('和村级服务覆盖情况图');
    }
  });
});

describe('版记 on the back page', () => {
  test("抄送 and 印发 are the last page's only text, their last line in the last row, over the 版心's foot", () => {
    // The 版心 ends 35 mm above the page's foot: 35 / 25.4 × 72 = 99.2 pt.
    const foot = pageHeight - 99.2;
    for (const variant of [...pages, charted]) {
      const last = variant[variant.length - 1]!;
      // pdftotext reads the blanks to fill and the tab as gaps between columns; the 版记 page carries no number.
      expect(last.map((l) => l.text).sort()).toEqual(['2021年12月15日印发', '。', '抄送：', '蚌埠市民政局办公室']);
      // The row is 26 pt high and its last rule on the foot: the line stands within it, whole (a line reaching below
      // the foot is cut through its characters by the page's edge of text).
      const issued = last.find((l) => l.text.endsWith('印发'))!;
      expect(issued.yMax).toBeLessThanOrEqual(foot);
      expect(issued.yMin).toBeGreaterThan(foot - 26);
    }
  });
});
