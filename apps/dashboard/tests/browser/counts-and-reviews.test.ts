import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { query } from './support/api';
import { launchChromium } from './support/browser';
import { openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The 未报送 figure of the 按时报送 card, and the report lines of the 未报送事项 list beside it. */
async function countAndList(page: Page) {
  const card = page.getByRole('region', { name: /月报按时报送$/ });
  const shown = /未报送 (\d+) 个/.exec((await card.textContent()) ?? '');
  const list = page.getByRole('region', { name: /^未报送事项/ });
  const heading = /（(\d+) 项）/.exec((await list.getByRole('heading').first().textContent()) ?? '');
  const items = list.getByRole('listitem');
  return {
    missing: Number(shown?.[1]),
    reportRows: await items.filter({ hasText: '月报未报送' }).count(),
    heading: Number(heading?.[1]),
    rows: await items.count(),
  };
}

describe('counts equal their lists (DOMAIN "Timeliness")', () => {
  test('province and city overviews: 未报送 N 个 is the number of unsent reports listed beside it', async () => {
    const admin = await openAs(browser, 'admin');
    const { today } = await query<{ today: string }>(admin, 'clock.get', {});
    await admin.goto(`/?asOf=${today}`);
    const province = await countAndList(admin);
    expect(province.missing).toBeGreaterThan(0);
    expect(province.reportRows).toBe(province.missing);
    expect(province.rows).toBe(province.heading);

    // A city that still owes reports that day, so its list is there to count.
    const status = await query<{ cities: { code: string; timeliness: { missing: number } }[] }>(admin, 'status.at', {
      asOf: today,
    });
    const city = status.cities.find((c) => c.timeliness.missing > 0)!;
    const officer = await openAs(browser, `city${city.code}`);
    await officer.goto(`/city/${city.code}?asOf=${today}`);
    const seen = await countAndList(officer);
    expect(seen.missing).toBe(city.timeliness.missing);
    expect(seen.reportRows).toBe(seen.missing);
    expect(seen.rows).toBe(seen.heading);
  });
});

describe('a reviewer opens the report before deciding', () => {
  test('the city inbox offers no decision, only 打开审核, and refuses a decision posted to it', async () => {
    const page = await openAs(browser, 'city3403');
    const { today } = await query<{ today: string }>(page, 'clock.get', {});
    await page.goto(`/city/3403/inbox?asOf=${today}`);
    const waiting = await query<{ countyCode: string; period: string; version: number; state: string }[]>(
      page,
      'reports.list',
      { unit: '3403', state: 'submitted', asOf: today },
    );
    expect(waiting.length).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^审核通过|^退回/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^打开审核/ }).count()).toBe(waiting.length);

    const r = waiting[0]!;
    const posted = await page.request.post('/city/3403/inbox?/approve', {
      form: { countyCode: r.countyCode, period: r.period, version: String(r.version) },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(posted.status()).toBeGreaterThanOrEqual(400);
    const after = await query<{ state: string }>(page, 'reports.get', { countyCode: r.countyCode, period: r.period });
    expect(after.state).toBe('submitted');
  });
});
