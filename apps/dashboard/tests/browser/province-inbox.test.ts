import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { periodText } from '@dudao/metrics';
import type { Browser } from 'playwright-core';
import { query } from './support/api';
import { launchChromium, screenshot } from './support/browser';
import { confirmIn, openAs, openHeaderMenu } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface ReportRow {
  countyCode: string;
  countyName: string;
  period: string;
  state: string;
  version: number;
}

describe('the province inbox (省级确认收件箱)', () => {
  test.each([
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ])('at $width px open one approved report, confirm in the dialog, and it is accepted', async (viewport) => {
    const page = await openAs(browser, 'admin', viewport);
    await openHeaderMenu(page);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '确认收件箱' }).click();
    await page.waitForURL(/\/inbox/);
    const approved = await query<ReportRow[]>(page, 'reports.list', { unit: '34', state: 'approved' });
    expect(approved.length, '演示数据中应有市级已审核的月报').toBeGreaterThan(2);
    const first = approved[0]!;

    // Nothing can be picked before it was opened.
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: first.countyName, exact: true }) })
      .filter({ hasText: `${Number(first.period.slice(5))}月` })
      .first();
    expect(await row.getByRole('checkbox').isDisabled()).toBe(true);
    await screenshot(page, `province-inbox-${viewport.width}`);

    await row.getByRole('link', { name: first.countyName, exact: true }).click();
    await page.waitForURL(new RegExp(`/county/${first.countyCode}/report/${first.period}`));
    await page.getByRole('button', { name: `确认${first.countyName} ${periodText(first.period)}月报` }).click();
    const dialog = page.locator('dialog[open]');
    expect(await dialog.textContent()).toContain(`县区：${first.countyName}`);
    await screenshot(page, `province-accept-dialog-${viewport.width}`);
    await confirmIn(page, '确认');
    await page
      .getByRole('status')
      .filter({ hasText: `已确认：${first.countyName}` })
      .waitFor();
    expect(
      (await query<ReportRow>(page, 'reports.get', { countyCode: first.countyCode, period: first.period })).state,
    ).toBe('accepted');
  });

  test('two opened reports are accepted together with 批量确认', async () => {
    const page = await openAs(browser, 'admin');
    const approved = await query<ReportRow[]>(page, 'reports.list', { unit: '34', state: 'approved' });
    const pair = approved.slice(0, 2);
    for (const r of pair) {
      await page.goto(`/county/${r.countyCode}/report/${r.period}?from=inbox`);
      // The opened page remembers the report in the tab once it has started.
      await page.waitForFunction(
        (key) => (sessionStorage.getItem('dudao.openedReports') ?? '').includes(key),
        `${r.countyCode}|${r.period}|${r.version}`,
      );
    }
    await page.goto('/inbox');
    for (const r of pair)
      await page
        .getByRole('checkbox', { name: `选择${r.countyName} ${periodText(r.period)}月报`, exact: true })
        .check();
    await page.getByRole('button', { name: '批量确认（2 份）' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    for (const r of pair) expect(await dialog.textContent()).toContain(r.countyName);
    await confirmIn(page, '确认 2 份');
    await page.getByRole('status').filter({ hasText: '已批量确认 2 份月报' }).waitFor();
    for (const r of pair)
      expect((await query<ReportRow>(page, 'reports.get', { countyCode: r.countyCode, period: r.period })).state).toBe(
        'accepted',
      );
  });

  test('a city officer has no province inbox', async () => {
    const page = await openAs(browser, 'city3403');
    const res = await page.goto('/inbox');
    expect(res?.status()).toBe(403);
  });
});
