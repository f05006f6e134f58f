import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium, newPage, screenshot } from './support/browser';
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

const widths = [
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '390', viewport: { width: 390, height: 844 } },
];

describe.each(widths)('axe-core at $name px: no violation of any impact', ({ viewport }) => {
  test('the login page', async () => {
    const page = await newPage(browser, viewport);
    await page.goto('/login');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  test.each(['admin', 'viewer', 'city', 'county'])(
    'every page of %s',
    async (who) => {
      const role = roles.find((r) => r.username.startsWith(who))!;
      const page = await openAs(browser, role.username, viewport);
      const found: string[] = [];
      for (const path of role.paths) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        if (viewport.width > 1000)
          await screenshot(page, `desktop1366-${role.username}-${path.replace(/[^a-z0-9]+/gi, '_')}`);
        for (const v of await axeViolations(page))
          found.push(`${path} ${v.id} (${v.impact}): ${v.targets.join(' | ')}`);
      }
      console.log(`axe ${role.username} ${viewport.width}px: ${role.paths.length} pages, ${found.length} violations`);
      expect(found).toEqual([]);
      await page.context().close();
    },
    240_000,
  );
});
