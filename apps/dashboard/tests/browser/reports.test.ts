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

interface CityStatus {
  cityCode: string;
  cityName: string;
  firstSubmittedAt: string | null;
  onTime: boolean | null;
}

interface DocumentRow {
  id: number;
  kind: string;
  unitCode: string;
  asOf: string;
}

describe('reports (12-15 行动总结)', () => {
  test('a city that has not submitted generates, previews, downloads and submits its summary; the province sees it', async () => {
    const admin = await openAs(browser, 'admin');
    const before = await query<CityStatus[]>(admin, 'summaries.status', { asOf: '2022-01-31' });
    expect(before).toHaveLength(16);
    const missing = before.find((c) => c.onTime === null);
    const onTime = before.find((c) => c.onTime === true);
    if (!missing || !onTime) throw new Error('the demo should have a city that never submitted and one on time');

    const page = await openAs(browser, `city${missing.cityCode}`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报告' }).click();
    await page.waitForURL(/\/reports\?/);
    await page.goto('/reports?asOf=2021-12-15');
    const statusPanel = page.getByRole('region', { name: '本市行动总结报送情况' });
    expect(await statusPanel.textContent()).toContain('未报送');

    await page.getByLabel('报告类型').selectOption('city');
    await page.getByRole('button', { name: '生成' }).click();
    await page.getByRole('status').filter({ hasText: '已生成' }).waitFor();

    const documents = page.getByRole('region', { name: '已生成的报告' });
    const row = documents.getByRole('row').filter({ hasText: '2021年12月15日' }).filter({ hasText: '市级行动总结' }).first();
    expect(await row.textContent()).toContain(missing.cityName);
    await row.getByRole('link', { name: /^预览/ }).click();
    await page.waitForURL(/preview=\d+/);
    const title = `${missing.cityName}民政局关于社会救助工作便民惠民优化服务行动开展情况的报告`;
    const frame = page.frameLocator('iframe[title^="报告预览"]');
    await frame.locator('body').getByText('优化服务行动开展情况的报告').first().waitFor();
    // The title is set on two centred lines, as GB/T 9704 lays out a long title.
    expect((await frame.locator('body').textContent())?.replace(/\s+/g, '')).toContain(title);
    expect(await frame.locator('title').textContent()).toBe(title);
    await screenshot(page, 'reports-preview');

    const href = await row.getByRole('link', { name: /^下载 Word/ }).getAttribute('href');
    const download = await page.request.get(href ?? '');
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    // Debian's LibreOffice is installed by the test command: the same document is offered as PDF.
    const pdfHref = await row.getByRole('link', { name: /^下载 PDF/ }).getAttribute('href');
    const pdf = await page.request.get(pdfHref ?? '');
    expect([pdf.status(), pdf.headers()['content-type'], (await pdf.body()).subarray(0, 4).toString('latin1')]).toEqual([200, 'application/pdf', '%PDF']);

    await row.getByRole('button', { name: /^报送省厅/ }).click();
    await page.getByRole('status').filter({ hasText: '已报送省民政厅' }).waitFor();

    await admin.goto('/reports?asOf=2022-01-31');
    const ours = await query<DocumentRow[]>(admin, 'documents.list', {});
    const generated = ours.find((d) => d.kind === 'city' && d.unitCode === missing.cityCode && d.asOf === '2021-12-15');
    expect(generated).toBeDefined();
    const listed = admin.getByRole('region', { name: '已生成的报告' }).getByRole('row').filter({ hasText: missing.cityName }).filter({ hasText: '2021年12月15日' });
    expect(await listed.count()).toBeGreaterThan(0);

    // Stamped now (years after the campaign), so not yet known at the end of 2022-01-31.
    expect(await query<CityStatus[]>(admin, 'summaries.status', { asOf: '2022-01-31' })).toEqual(before);
    const panel = admin.getByRole('region', { name: '各市行动总结报送情况' });
    expect(await panel.getByRole('row').filter({ hasText: missing.cityName }).textContent()).toContain('未报送');
    const onTimeRow = await panel.getByRole('row').filter({ hasText: onTime.cityName }).textContent();
    expect(onTimeRow).toContain('已报送 · 按期');
    expect(onTimeRow).toMatch(/2021-12-(1[0-5]) 16:30/);
  });

  test('the province viewer generates the provincial summary for the whole province but cannot submit', async () => {
    const page = await openAs(browser, 'viewer');
    await page.goto('/reports?asOf=2021-12-15');
    await page.getByLabel('报告类型').selectOption('province');
    expect(await page.getByLabel('单位').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '生成' }).click();
    await page.getByRole('status').filter({ hasText: '已生成' }).waitFor();
    const first = page.getByRole('region', { name: '已生成的报告' }).getByRole('row').nth(1);
    expect(await first.textContent()).toContain('全省行动总结');
    expect(await page.getByRole('button', { name: /^报送省厅/ }).count()).toBe(0);
  });
});
