import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { query } from './support/api';
import { launchChromium, screenshot } from './support/browser';
import { confirmIn, openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type UrgeCount = { kind: string; unit: string; period: string | null; count: number };
const wide = { width: 1366, height: 900 };

describe('催报 a missing report, and the notices of every role', () => {
  test('the officer urges a county’s missing report; the count shows on the county page and in the clerk’s to-do; the submission reaches the officer’s 通知 only from its day', async () => {
    const admin = await openAs(browser, 'admin', wide);
    const asOf = await admin.getByLabel('数据截至').inputValue();
    await admin.goto(`/dispatch?asOf=${asOf}`);
    // 怀远县 (340321) belongs to the report-workflow story; any other unsent county will do.
    const rows = admin
      .getByRole('region', { name: /^催报（/ })
      .getByRole('listitem')
      .filter({ has: admin.locator('input[name=kind][value=report]') });
    const units = await rows
      .locator('input[name=unit]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const county = units.find((u) => u !== '340321');
    expect(county, '演示数据中应有未报送月报的县区').toBeDefined();
    const row = rows.filter({ has: admin.locator(`input[name=unit][value="${county}"]`) });
    const period = await row.locator('input[name=period]').inputValue();
    // The period as notices and to-dos name it: 2021-10 → 2021年10月.
    const words = `${Number(period.slice(0, 4))}年${Number(period.slice(5))}月`;
    const city = county!.slice(0, 4);
    const officer = await openAs(browser, `city${city}`, wide);
    const before =
      (await query<UrgeCount[]>(officer, 'urge.counts', { asOf, unit: county })).find(
        (u) => u.kind === 'report' && u.period === period,
      )?.count ?? 0;

    await officer.goto(`/county/${county}?asOf=${asOf}`);
    const missing = officer.getByRole('region', { name: '未报送事项' });
    await missing
      .getByRole('button', {
        name: new RegExp(`^催报.*${Number(period.slice(0, 4))}年${Number(period.slice(5))}月月报未报送`),
      })
      .click();
    await missing.getByText(/^已催报，\d+ 人收到通知$/).waitFor();
    await missing.getByText(`已催报 ${before + 1} 次`).waitFor();
    await screenshot(officer, 'urge-county-page-1366');

    const clerk = await openAs(browser, `county${county}`, wide);
    await clerk.goto(`/workspace?asOf=${asOf}`);
    const todo = clerk
      .getByRole('region', { name: /^待办事项/ })
      .getByRole('listitem')
      .filter({ hasText: `${words}月报` });
    await todo.getByText(`已被催报 ${before + 1} 次`).waitFor();
    await screenshot(clerk, 'urge-clerk-todo-1366');

    // The clerk answers the urge by submitting; the officer's notice carries the clock's day.
    await clerk.getByRole('link', { name: `填报并报送${words}月报` }).click();
    await clerk.waitForURL(new RegExp(`/workspace/report/${period}`));
    await clerk.getByLabel('T11 本月工作情况').fill('已按催报要求补报本月工作情况。');
    await clerk.getByRole('button', { name: '报送', exact: true }).click();
    await confirmIn(clerk, '确认报送');
    await clerk
      .getByText(/月报已报送/)
      .first()
      .waitFor();

    const countyName = await query<{ counties: { code: string; name: string }[] }>(officer, 'status.at', {
      asOf,
      unit: county,
    }).then((s) => s.counties.find((c) => c.code === county)!.name);
    const title = `${countyName}${words}月报已报送`;
    await officer.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通知' }).click();
    await officer.waitForURL(/\/notices/);
    const list = officer.getByRole('region', { name: '我的通知' });
    const notices = list.getByRole('listitem').filter({ hasText: title });
    await notices.first().waitFor();
    const shown = await notices.count();
    await screenshot(officer, 'notices-city-1366');

    await notices
      .first()
      .getByRole('button', { name: /标为已读/ })
      .click();
    await officer.getByText('已标为已读 1 条').waitFor();

    // A returned report may have been submitted before; the day before shows exactly one notice fewer.
    const dayBefore = new Date(Date.parse(`${asOf}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await officer.goto(`/notices?asOf=${dayBefore}`);
    await officer.getByRole('region', { name: '我的通知' }).waitFor();
    expect(
      await officer.getByRole('region', { name: '我的通知' }).getByRole('listitem').filter({ hasText: title }).count(),
    ).toBe(shown - 1);

    const phone = await openAs(browser, `city${city}`, { width: 390, height: 844 });
    await phone.goto(`/notices?asOf=${asOf}`);
    await screenshot(phone, 'notices-city-390');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
