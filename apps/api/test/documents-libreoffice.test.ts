import { currentCampaign } from '../src/services/campaign/store';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { citySummaryContent, renderDocx } from '@dudao/documents';
import type { Opened } from '../src/db/client';
import { snapshotAt } from '../src/services/documents/snapshot';
import { resetDatabase } from '../src/services/seed/reset';
import { emptyLocation } from './support/fresh-db';

// A reader no one here wrote: Debian's LibreOffice sets the 蚌埠 city summary, pdftotext reads back what it set.
let opened: Opened;
let pages: string[][];
let pageCount: number;

beforeAll(async () => {
  ({ opened } = await resetDatabase(await emptyLocation(), { demo: true, scale: 'province' }));
  const dir = mkdtempSync(join(tmpdir(), 'dudao-lo-'));
  writeFileSync(
    join(dir, 'city.docx'),
    await renderDocx(
      citySummaryContent(
        await snapshotAt({ db: opened.db, campaign: await currentCampaign({ db: opened.db }) }, '2021-12-15'),
        '3403',
      ),
    ),
  );
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'city.docx')], {
    env: { ...process.env, HOME: dir },
    stdio: 'ignore',
  });
  const pdf = join(dir, 'city.pdf');
  pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
  pages = execFileSync('pdftotext', ['-layout', pdf, '-'])
    .toString()
    .split('\f')
    .map((p) => p.split('\n').filter((l) => l.trim() !== ''));
  expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
}, 300_000);

afterAll(async () => opened?.close());

const pageNumber = /^—\s*\d+\s*—$/;
/** The main text's pages: before the first attachment page; its lines without the page number. */
const bodyPages = () => {
  const first = pages.findIndex((p) => /^附件\s*\d/.test(p[0]?.trim() ?? ''));
  return pages.slice(0, first).map((p) => p.filter((l) => !pageNumber.test(l.trim())));
};
/** pdftotext pads justified text with spaces; the characters set are what is left. */
const set = (line: string) => line.replace(/\s/g, '');
const cjkOnly = (line: string) => /^[\p{Script=Han}，。、；：（）《》“”！？]+$/u.test(set(line));
const indented = (line: string) => /^\s{2,}/.test(line);

describe('city summary set by LibreOffice', () => {
  test('has the pages of a 28-character line, not twice as many of a 14-character one', () => {
    // The main text (about 110 lines of 28 characters, 22 lines a page) sets on 5 or 6 pages; at 14 a line it would
    // take 11 or more.
    expect(bodyPages().length).toBeGreaterThanOrEqual(5);
    expect(bodyPages().length).toBeLessThanOrEqual(7);
    expect(pageCount).toBeLessThanOrEqual(20);
  });

  test('body lines hold 28 characters, indented first lines 26', () => {
    const lines = bodyPages().flat().filter(cjkOnly).slice(2); // the two title lines are centred 2号
    const full = lines.filter((l) => !indented(l));
    const first = lines.filter(indented);
    expect(full.length).toBeGreaterThan(15);
    // A paragraph's last line may be shorter; no line is ever longer, and most lines are full.
    for (const l of full) expect(set(l).length).toBeLessThanOrEqual(28);
    for (const l of first) expect(set(l).length).toBeLessThanOrEqual(26);
    // A line the paragraph runs on from (the next line is no new, indented paragraph; it does not end one with 。) is
    // set full: 28, or 26 indented, one less where a closing mark may not start the next line.
    const titles = new Set(bodyPages().flat().filter(cjkOnly).slice(0, 2).map(set));
    const runOn = bodyPages().flatMap((page) =>
      page.flatMap((line, i) => {
        const next = page[i + 1];
        const candidate =
          cjkOnly(line) &&
          !titles.has(set(line)) &&
          !set(line).endsWith('。') &&
          next !== undefined &&
          set(next).length > 0 &&
          !indented(next);
        return candidate ? [line] : [];
      }),
    );
    const setFull = runOn.filter((l) => set(l).length >= (indented(l) ? 25 : 27));
    expect(runOn.length).toBeGreaterThan(15);
    expect(setFull.length).toBeGreaterThan(runOn.length * 0.8);
    expect(first.filter((l) => set(l).length === 26).length).toBeGreaterThan(0);
  });

  test('every page after the first (which has blank lines around the title) that breaks inside a paragraph holds 22 lines', () => {
    const body = bodyPages();
    const breaking = body.slice(1, -1).filter((p) => !/[。：]$/.test(set(p[p.length - 1] ?? '')));
    expect(breaking.length).toBeGreaterThanOrEqual(2);
    for (const p of breaking) expect(p.length).toBe(22);
    for (const p of body) expect(p.length).toBeLessThanOrEqual(22);
  });
});
