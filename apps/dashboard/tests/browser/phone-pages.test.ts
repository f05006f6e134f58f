import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage, screenshot } from './support/browser';
import { layoutFaults } from './support/layout';
import { pagesOfEveryRole, type RolePages } from './support/pages';
import { openAs } from './support/session';

let browser: Browser;
let roles: RolePages[];
beforeAll(async () => {
  browser = await launchChromium();
  roles = await pagesOfEveryRole(browser);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const phone = { width: 390, height: 844 };
const slug = (path: string) => path.replace(/[^a-z0-9]+/gi, '_');

describe('every page at 390 × 844: nothing wider than the screen, no text clipped or drawn over other text', () => {
  test('the login page', async () => {
    const page = await newPage(browser, phone);
    await page.goto('/login');
    await screenshot(page, 'phone390-login');
    const faults = await layoutFaults(page);
    expect({ ...faults, height: 0 }).toEqual({ height: 0, overflowing: [], clipped: [], overlapping: [] });
    await page.context().close();
  });

  test.each(['admin', 'viewer', 'city', 'county'])(
    'every page of %s',
    async (who) => {
      const role = roles.find((r) => r.username.startsWith(who))!;
      const page = await openAs(browser, role.username, phone);
      const found: string[] = [];
      for (const path of role.paths) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300); // charts draw after their data arrives
        await screenshot(page, `phone390-${role.username}-${slug(path)}`);
        const f = await layoutFaults(page);
        console.log(`height ${role.username} ${path}: ${f.height}px`);
        for (const e of f.overflowing) found.push(`${path} overflows: ${e}`);
        for (const e of f.clipped) found.push(`${path} clipped: ${e}`);
        for (const e of f.overlapping) found.push(`${path} overlapping: ${e}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    },
    240_000,
  );
});

describe('the main pages at 1366 × 768 keep their text apart', () => {
  test('province and city overviews, a county, the inboxes', async () => {
    const role = roles.find((r) => r.username === 'admin')!;
    const page = await openAs(browser, 'admin', { width: 1366, height: 768 });
    const found: string[] = [];
    for (const path of role.paths.filter((p) => /^\/(city\/\d+|county\/\d+|inbox)?$/.test(p))) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      await screenshot(page, `desktop1366-admin-${slug(path)}`);
      const f = await layoutFaults(page);
      for (const e of [...f.overflowing, ...f.clipped, ...f.overlapping]) found.push(`${path}: ${e}`);
    }
    expect(found).toEqual([]);
    await page.context().close();
  }, 240_000);
});
