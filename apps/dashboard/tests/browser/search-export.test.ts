import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { query } from './support/api';
import { launchChromium, screenshot } from './support/browser';
import { openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the header search', () => {
  test('a county by its name opens its county page', async () => {
    const page = await openAs(browser, 'admin');
    await page.getByRole('searchbox', { name: '搜索县区、乡镇或村' }).fill('怀远县');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL(/\/county\/340321/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('怀远县');
  });

  test('a township by part of its name is listed with its county, and the link leads there', async () => {
    const page = await openAs(browser, 'admin');
    // By code the county comes first, then its townships.
    const found = await query<{ code: string; name: string; level: string; countyCode: string }[]>(
      page,
      'units.search',
      { query: '340321', limit: 50 },
    );
    const township = found.find((f) => f.level === 'township');
    expect(township, '怀远县应有乡镇').toBeDefined();
    await page.getByRole('searchbox', { name: '搜索县区、乡镇或村' }).fill(township!.name.slice(0, 2));
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL(/\/(search|county)/);
    if (page.url().includes('/search')) {
      await screenshot(page, 'search-results');
      await page
        .getByRole('row')
        .filter({ hasText: '怀远县' })
        .getByRole('link', { name: township!.name, exact: true })
        .first()
        .click();
    }
    await page.waitForURL(new RegExp(`/county/${township!.countyCode}`));
  });
});

describe('every table exports to Excel', () => {
  test('the province overview’s city table downloads as xlsx with the same rows, figures as numbers', async () => {
    const page = await openAs(browser, 'admin');
    const panel = page.getByRole('region', { name: '各市情况' });
    const shown = await panel
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.innerText.trim())));
    expect(shown).toHaveLength(16);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^各市情况_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '排名',
      '市',
      '综合得分',
      '进展缓慢县区（个）',
      '督导（次）',
      '整改事项（项）',
      '已销号（项）',
      '逾期未整改（项）',
    ]);
    const rows = Array.from({ length: 16 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows.map((r) => r[1])).toEqual(shown.map((r) => r[1]));
    for (const [i, r] of rows.entries()) {
      expect(typeof r[0]).toBe('number');
      expect(String(r[3])).toBe(shown[i]![3]);
    }
  });

  test('a table with action buttons exports its data columns only (the province inbox)', async () => {
    const page = await openAs(browser, 'admin');
    await page.goto('/inbox');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '市',
      '县区',
      '月报期间',
      '首次报送',
      '状态',
      '核对',
    ]);
  });
});
