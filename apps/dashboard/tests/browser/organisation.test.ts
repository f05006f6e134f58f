import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn, newPage, screenshot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openAs(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser, viewport);
  await logIn(page, username);
  await page.waitForURL('/');
  return page;
}

const citySections = 'main section[aria-labelledby^="city-"]';

describe('organisation page', () => {
  test('the province admin sees 16 cities, and 蚌埠市 with 怀远县 among its counties', async () => {
    const page = await openAs('admin');
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain('安徽省民政厅社会救助处');
    expect(await banner.textContent()).toContain('省级管理员');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('安徽省');
    expect(await page.locator(citySections).count()).toBe(16);

    const bengbu = page.getByRole('region', { name: '蚌埠市' });
    expect(await bengbu.textContent()).toContain('3403');
    const huaiyuan = bengbu.getByRole('row', { name: /怀远县/ });
    expect(await huaiyuan.textContent()).toContain('340321');
    expect(await huaiyuan.textContent()).toContain('县');
    await screenshot(page, 'organisation-admin-1280');
  });

  test('the county-count chart is drawn by ECharts', async () => {
    const page = await openAs('admin');
    const chart = page.getByRole('img', { name: '各市县级单位数量柱状图' });
    await chart.locator('svg').first().waitFor();
    expect(await chart.locator('svg path').count()).toBeGreaterThan(16);
    expect(await chart.textContent()).toContain('合肥市');
  });

  test('the page fills a 1920-wide screen', async () => {
    const page = await openAs('admin', { width: 1920, height: 1080 });
    const box = await page.locator('main').boundingBox();
    expect(box?.width).toBeGreaterThan(1700);
    await screenshot(page, 'organisation-admin-1920');
  });

  test('a county clerk sees only their own county', async () => {
    const page = await openAs('county340321');
    expect(await page.getByRole('banner').textContent()).toContain('县级填报');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('怀远县');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('340321');
    expect(main).not.toContain('合肥市');
    expect(main).not.toContain('蚌埠市');
    expect(await page.locator(citySections).count()).toBe(0);
    await screenshot(page, 'organisation-county340321');
  });

  test('a city officer sees the counties of their city only', async () => {
    const page = await openAs('city3403');
    expect(await page.getByRole('banner').textContent()).toContain('市级审核');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('蚌埠市');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('怀远县');
    expect(main).not.toContain('合肥市');
    await screenshot(page, 'organisation-city3403');
  });
});
