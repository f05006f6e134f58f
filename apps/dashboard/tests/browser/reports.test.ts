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
    // The demo's clock stands at 2021-11-20, before any city has written its summary.
    const admin = await openAs(browser, 'admin');
    const before = await query<CityStatus[]>(admin, 'summaries.status', { asOf: '2021-11-20' });
    expect(before).toHaveLength(16);
    const missing = before.find((c) => c.onTime === null);
    if (!missing) throw new Error('the demo should have a city that has not submitted');

    const page = await openAs(browser, `city${missing.cityCode}`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报告' }).click();
    await page.waitForURL(/\/reports\?/);
    await page.goto('/reports?asOf=2021-11-20');
    const statusPanel = page.getByRole('region', { name: '本市行动总结报送情况' });
    expect(await statusPanel.textContent()).toContain('未报送');

    await page.getByLabel('报告类型').selectOption('city');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已生成' }).waitFor();

    const documents = page.getByRole('region', { name: '已生成的报告' });
    const row = documents
      .getByRole('row')
      .filter({ hasText: '2021年11月20日' })
      .filter({ hasText: '市级行动总结' })
      .first();
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
    expect([pdf.status(), pdf.headers()['content-type'], (await pdf.body()).subarray(0, 4).toString('latin1')]).toEqual(
      [200, 'application/pdf', '%PDF'],
    );

    await row.getByRole('button', { name: /^报送省厅/ }).click();
    await confirmIn(page, '确认报送省厅');
    await page.getByRole('status').filter({ hasText: '已报送省民政厅' }).waitFor();

    await admin.goto('/reports?asOf=2021-11-20');
    const ours = await query<DocumentRow[]>(admin, 'documents.list', {});
    const generated = ours.find((d) => d.kind === 'city' && d.unitCode === missing.cityCode && d.asOf === '2021-11-20');
    expect(generated).toBeDefined();
    const listed = admin
      .getByRole('region', { name: '已生成的报告' })
      .getByRole('row')
      .filter({ hasText: missing.cityName })
      .filter({ hasText: '2021年11月20日' });
    expect(await listed.count()).toBeGreaterThan(0);

    // Stamped by the campaign clock, so the province sees it at once, on time for 12-15; the day before, not yet.
    const after = await query<CityStatus[]>(admin, 'summaries.status', { asOf: '2021-11-20' });
    expect(after.find((c) => c.cityCode === missing.cityCode)).toMatchObject({ onTime: true });
    expect(after.find((c) => c.cityCode === missing.cityCode)!.firstSubmittedAt!.slice(0, 10)).toBe('2021-11-20');
    expect(after.filter((c) => c.cityCode !== missing.cityCode)).toEqual(
      before.filter((c) => c.cityCode !== missing.cityCode),
    );
    expect(await query<CityStatus[]>(admin, 'summaries.status', { asOf: '2021-11-19' })).toEqual(before);
    const panel = admin.getByRole('region', { name: '各市行动总结报送情况' });
    const ourRow = await panel.getByRole('row').filter({ hasText: missing.cityName }).textContent();
    expect(ourRow).toContain('已报送 · 按期');
    expect(ourRow).toMatch(/2021-11-20 1\d:\d\d/);
    await admin.goto('/reports?asOf=2021-11-19');
    expect(
      await admin
        .getByRole('region', { name: '各市行动总结报送情况' })
        .getByRole('row')
        .filter({ hasText: missing.cityName })
        .textContent(),
    ).toContain('未报送');
    expect(
      await admin
        .getByRole('region', { name: '已生成的报告' })
        .getByRole('row')
        .filter({ hasText: missing.cityName })
        .filter({ hasText: '2021年11月20日' })
        .count(),
    ).toBe(0);
  });

  test('the province viewer reads and downloads documents but cannot generate or submit', async () => {
    const page = await openAs(browser, 'viewer');
    await page.goto('/reports?asOf=2021-11-20');
    // Exactly 生成: the documents table's sort button 生成时间（北京时间） is there for every reader.
    expect(await page.getByRole('button', { name: '生成', exact: true }).count()).toBe(0);
    expect(await page.getByText('省级只读账号可预览和下载已生成的报告，不能生成。').count()).toBe(1);
    expect(await page.getByRole('region', { name: '已生成的报告' }).getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.getByRole('button', { name: /^报送省厅/ }).count()).toBe(0);
  });
});
