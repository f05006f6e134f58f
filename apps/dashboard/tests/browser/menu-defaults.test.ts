import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { query } from './support/api';
import { launchChromium } from './support/browser';
import { openAs, openHeaderMenu } from './support/session';

interface ReportRow {
  countyCode: string;
  period: string;
  state: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const widths = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

describe.each(widths)('menus open what the user came for, at $width px', (viewport) => {
  test('月报填报 opens the month under way for a clerk who owes nothing, and says it would be sent early', async () => {
    const admin = await openAs(browser, 'admin', viewport);
    const rows = await query<ReportRow[]>(admin, 'reports.list', { unit: '34', asOf: '2021-11-20' });
    await admin.close();
    // A county whose July–October reports all went through (none a draft, none returned), and no November report
    // sent: on the clock's day, 2021-11-20, the report to fill is November's, which ends on 11-30.
    const through = new Set(['submitted', 'approved', 'accepted']);
    const county = [...new Set(rows.map((r) => r.countyCode))].find((code) => {
      const own = rows.filter((r) => r.countyCode === code);
      const done = ['2021-07', '2021-08', '2021-09', '2021-10'].every((p) =>
        own.some((r) => r.period === p && through.has(r.state)),
      );
      return done && !own.some((r) => r.period === '2021-11' && through.has(r.state));
    });
    expect(county, '演示数据中应有 7–10 月月报均已报送的县').toBeDefined();

    const clerk = await openAs(browser, `county${county}`, viewport);
    await openHeaderMenu(clerk);
    await clerk.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '月报填报' }).click();
    await clerk.waitForURL(/\/workspace\/report\/2021-11/);
    const note = clerk.getByRole('note').filter({ hasText: '提前报送' });
    expect(await note.textContent()).toContain('本期到 2021年11月30日 才结束，现在报送的是截至 2021年11月20日 的数据');
    await clerk.close();
  });

  test('the province’s 单位 box starts on 全省 for the provincial summary and the annex, on a city for a city summary', async () => {
    const page = await openAs(browser, 'admin', viewport);
    await page.goto('/reports');
    const kind = page.getByLabel('报告类型');
    const unit = page.locator('#report-unit');
    const shownUnit = async () => (await unit.locator('option:checked').textContent())?.trim();
    for (const [label, expected] of [
      ['全省行动总结', '全省'],
      ['指标附表', '全省'],
      ['市级行动总结', '合肥市'],
      ['督导通报', '全省'],
    ] as const) {
      await kind.selectOption({ label });
      expect(await shownUnit(), label).toBe(expected);
    }
    await page.close();
  });
});
