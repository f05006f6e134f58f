import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium, newPage, screenshot } from './support/browser';
import { layoutFaults } from './support/layout';
import { pagesOfEveryRole, type RolePages } from './support/pages';
import { openAs } from './support/session';

// Every page of every role, loaded once per width and checked twice: axe-core (no violation of any impact) and the
// layout (at 390 px nothing wider than the screen, no text clipped or drawn over other text, the header one row, one
// column, about three screens per ten rows of data; at 1366 px the same pixels on the overviews, a county and the
// inboxes).

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
  { name: '1366', viewport: { width: 1366, height: 768 }, screenshots: 'desktop1366' },
  { name: '390', viewport: { width: 390, height: 844 }, screenshots: 'phone390' },
];
const slug = (path: string) => path.replace(/[^a-z0-9]+/gi, '_');
// At 1366 px the layout is checked where most text sits side by side; at 390 px everywhere.
const layoutChecked = (width: number, path: string) => width < 1000 || /^\/(city\/\d+|county\/\d+|inbox)?$/.test(path);

async function faultsOf(page: Page, path: string, width: number): Promise<string[]> {
  const found: string[] = [];
  for (const v of await axeViolations(page)) found.push(`${path} axe ${v.id} (${v.impact}): ${v.targets.join(' | ')}`);
  if (!layoutChecked(width, path)) return found;
  const f = await layoutFaults(page);
  if (width < 1000) console.log(`height ${path} at ${width}px: ${f.height}px`);
  for (const e of f.overflowing) found.push(`${path} overflows: ${e}`);
  for (const e of f.clipped) found.push(`${path} clipped: ${e}`);
  for (const e of f.overlapping) found.push(`${path} overlapping: ${e}`);
  for (const e of f.phone) found.push(`${path} phone: ${e}`);
  return found;
}

// The roles' walks share nothing but the read-only demo data, so they run side by side: most of a page's time is
// spent waiting for the network to go quiet and the charts to draw, not computing.
describe.each(widths)('every page at $name px: axe-core clean, nothing overflowing, clipped or overlapping', (w) => {
  test.concurrent('the login page', async ({ expect }) => {
    const page = await newPage(browser, w.viewport);
    await page.goto('/login');
    await screenshot(page, `${w.screenshots}-login`);
    expect(await faultsOf(page, '/login', w.viewport.width)).toEqual([]);
    await page.context().close();
  });

  test.concurrent.for<string>(['admin', 'viewer', 'city', 'county'])(
    'every page of %s',
    { timeout: 300_000 },
    async (who, { expect }) => {
      const role = roles.find((r) => r.username.startsWith(who))!;
      const page = await openAs(browser, role.username, w.viewport);
      const found: string[] = [];
      for (const path of role.paths) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300); // charts draw after their data arrives
        await screenshot(page, `${w.screenshots}-${role.username}-${slug(path)}`);
        found.push(...(await faultsOf(page, path, w.viewport.width)));
      }
      console.log(`${role.username} at ${w.name}px: ${role.paths.length} pages, ${found.length} faults`);
      expect(found).toEqual([]);
      await page.context().close();
    },
  );
});
