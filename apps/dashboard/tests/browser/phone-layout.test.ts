import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { query } from './support/api';
import { launchChromium, screenshot } from './support/browser';
import { resultsDir } from './support/paths';
import { openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const phone = { width: 390, height: 844 };

/** Elements of the header reaching past the screen's right edge (the account menu closed). */
async function headerOverflow(page: import('playwright-core').Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('header.bar *')]
      .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}px`),
  );
}

async function pagesFit(username: string, paths: (string | Promise<string>)[]) {
  const page = await openAs(browser, username, phone);
  const wide: string[] = [];
  for (const entry of paths) {
    const path = await entry;
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await screenshot(page, `phone-${username}-${path.replace(/[^a-z0-9]+/gi, '_')}`);
    if (width > phone.width) wide.push(`${path}: ${width}px`);
    for (const e of await headerOverflow(page)) wide.push(`${path} header ${e}`);
  }
  return { page, wide };
}

describe('at 390 × 844 no page scrolls sideways', () => {
  test('province overview, inbox, county detail, report and reports', async () => {
    const admin = await openAs(browser, 'admin', phone);
    const approved = await query<{ countyCode: string; period: string }[]>(admin, 'reports.list', {
      unit: '34',
      state: 'approved',
    });
    const report = approved[0] ?? { countyCode: '340321', period: '2021-10' };
    const { wide } = await pagesFit('admin', [
      '/',
      '/inbox',
      '/county/340321',
      `/county/${report.countyCode}/report/${report.period}`,
      '/reports',
    ]);
    expect(wide).toEqual([]);
  });

  test('city overview and supervision', async () => {
    const { wide } = await pagesFit('city3403', ['/city/3403', '/city/3403/inbox', '/city/3403/supervision']);
    expect(wide).toEqual([]);
  });

  test('the clerk’s workspace, report form and roster; the KPI cards stacked and the form buttons full width', async () => {
    const admin = await openAs(browser, 'admin', phone);
    const draft = (await query<{ countyCode: string; period: string }[]>(admin, 'reports.list', { state: 'draft' })).at(
      -1,
    );
    expect(draft, '演示数据中应有草稿月报').toBeDefined();
    const { page, wide } = await pagesFit(`county${draft!.countyCode}`, [
      '/workspace',
      '/workspace/roster',
      `/workspace/report/${draft!.period}`,
    ]);
    expect(wide).toEqual([]);
    const buttons = await page
      .locator('main form > .actions > button')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    expect(buttons.length).toBeGreaterThan(0);
    for (const w of buttons) expect(w).toBeGreaterThan(300);

    const city = await openAs(browser, 'city3403', phone);
    const cards = await city
      .locator('.kpis > *')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(cards).size).toBe(1);
  });

  test('the dispatch pages of the province, a city and a county, header included', async () => {
    expect((await pagesFit('admin', ['/dispatch'])).wide).toEqual([]);
    expect((await pagesFit('city3403', ['/city/3403/dispatch'])).wide).toEqual([]);
    expect((await pagesFit('county340321', ['/workspace/dispatch'])).wide).toEqual([]);
  });
});

describe('at 1366 px the header is one row', () => {
  // One row: every item of the bar overlaps every other vertically, and the bar is no taller than its tallest item plus its padding.
  test.each([
    ['admin', '/dispatch'],
    ['city3403', '/city/3403/dispatch'],
    ['county340321', '/workspace/dispatch'],
  ])('%s on %s', async (username, path) => {
    const page = await openAs(browser, username, { width: 1366, height: 900 });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const bar = await page.evaluate(() => {
      const header = document.querySelector('header.bar')!;
      const style = getComputedStyle(header);
      const items = [...header.children]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => e.getBoundingClientRect());
      return {
        height: header.getBoundingClientRect().height,
        padding: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
        minHeight: parseFloat(style.minHeight) || 0,
        tallest: Math.max(...items.map((r) => r.height)),
        lowestTop: Math.max(...items.map((r) => r.top)),
        highestBottom: Math.min(...items.map((r) => r.bottom)),
        right: Math.max(...items.map((r) => r.right)),
      };
    });
    await page.screenshot({
      path: `${resultsDir}header-1366-${username}.png`,
      clip: { x: 0, y: 0, width: 1366, height: 120 },
    });
    expect(bar.lowestTop).toBeLessThan(bar.highestBottom);
    expect(bar.height).toBeLessThanOrEqual(Math.max(bar.minHeight, bar.tallest + bar.padding) + 1);
    expect(bar.right).toBeLessThanOrEqual(1366);
  });
});
