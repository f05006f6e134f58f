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

/**
 * Clicks each count of an overview that has a list on the page (进展缓慢县区 N 个, 未报送 M 个) and counts the rows of
 * the list the click lands on: the count and the list come from one metrics answer, so they must agree.
 */
async function clickCountsAndCountRows(page: Page, laggingCaption: string) {
  const laggingCard = page.getByRole('region', { name: '进展缓慢县区', exact: true });
  const laggingLink = laggingCard.getByRole('link', { name: /^\d+ 个$/ });
  const lagging = Number(/^(\d+)/.exec((await laggingLink.textContent()) ?? '')?.[1]);
  await laggingLink.click();
  expect(new URL(page.url()).hash).toBe('#lagging-title');
  const laggingRows = await page.getByRole('table', { name: laggingCaption }).locator('tbody tr').count();

  const reportCard = page.getByRole('region', { name: /月报按时报送$/ });
  const missingLink = reportCard.getByRole('link', { name: /^未报送 \d+ 个$/ });
  const missing = Number(/(\d+)/.exec((await missingLink.textContent()) ?? '')?.[1]);
  await missingLink.click();
  expect(new URL(page.url()).hash).toBe('#missing-title');
  const list = page.getByRole('region', { name: /^未报送事项/ });
  const heading = /（(\d+) 项）/.exec((await list.getByRole('heading').first().textContent()) ?? '');
  const items = list.getByRole('listitem');
  return {
    lagging,
    laggingRows,
    missing,
    reportRows: await items.filter({ hasText: '月报未报送' }).count(),
    heading: Number(heading?.[1]),
    rows: await items.count(),
  };
}

interface Brief {
  code: string;
  lagging: boolean;
}

describe('counts equal their lists (DOMAIN "Timeliness", issue 21 item 4)', () => {
  test('province and city overviews: each count is a link to its list, and the list has that many rows', async () => {
    const admin = await openAs(browser, 'admin');
    const { today } = await query<{ today: string }>(admin, 'clock.get', {});
    const status = await query<{
      counties: Brief[];
      cities: { code: string; timeliness: { missing: number } }[];
    }>(admin, 'status.at', { asOf: today });
    // Counted here from the per-county answer, apart from the page's own counts.
    const laggingInProvince = status.counties.filter((c) => c.lagging).length;

    await admin.goto(`/?asOf=${today}`);
    const province = await clickCountsAndCountRows(admin, '全省进展缓慢县区及原因');
    expect(province.lagging).toBe(laggingInProvince);
    expect(province.laggingRows).toBe(laggingInProvince);
    expect(province.missing).toBe(status.cities.reduce((n, c) => n + c.timeliness.missing, 0));
    expect(province.reportRows).toBe(province.missing);
    expect(province.rows).toBe(province.heading);

    // A city that still owes reports and has a lagging county that day, so both its lists are there to count.
    const city = status.cities.find(
      (c) => c.timeliness.missing > 0 && status.counties.some((k) => k.lagging && k.code.startsWith(c.code)),
    )!;
    const laggingInCity = status.counties.filter((k) => k.lagging && k.code.startsWith(city.code)).length;
    const officer = await openAs(browser, `city${city.code}`);
    const { name } = await query<{ name: string }>(officer, 'units.get', { code: city.code });
    await officer.goto(`/city/${city.code}?asOf=${today}`);
    const seen = await clickCountsAndCountRows(officer, `${name}进展缓慢县区、原因及实地督导节点`);
    expect(seen.lagging).toBe(laggingInCity);
    expect(seen.laggingRows).toBe(laggingInCity);
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
