import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { mainText, navLabels, openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('each role sees its own scope', () => {
  test('the province admin lands on the province overview with all 16 cities ranked', async () => {
    const page = await openAs(browser, 'admin');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await navLabels(page)).toEqual(['全省概览', '确认收件箱', '督办', '报告', '通知']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('安徽省');
    expect(await page.getByRole('banner').textContent()).toContain('省级管理员');
    const ranking = page.getByRole('img', { name: /各市综合得分排名/ });
    await ranking.locator('svg').waitFor();
    for (const city of ['合肥市', '蚌埠市', '宣城市']) expect(await ranking.textContent()).toContain(city);
  });

  test('the province viewer reads the same overview', async () => {
    const page = await openAs(browser, 'viewer');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('banner').textContent()).toContain('省级只读');
    expect(await mainText(page)).toContain('进展缓慢县区');
  });

  test('the city officer lands on 蚌埠市 and never sees another city', async () => {
    const page = await openAs(browser, 'city3403');
    expect(new URL(page.url()).pathname).toBe('/city/3403');
    expect(await navLabels(page)).toEqual(['本市概览', '审核收件箱', '督导', '督办', '报告', '通知']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('蚌埠市');
    const text = await mainText(page);
    expect(text).toContain('怀远县');
    expect(text).not.toContain('合肥市');
    expect(text).not.toContain('瑶海区');

    await page.goto('/city/3401');
    expect(await mainText(page)).toContain('无权访问管辖范围以外的单位，或该单位不存在');
    await page.goto('/county/340102');
    expect(await mainText(page)).toContain('无权访问');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/city/3403');
  });

  test('the county clerk lands on the workspace of 怀远县 and cannot open its neighbours', async () => {
    const page = await openAs(browser, 'county340321');
    expect(new URL(page.url()).pathname).toBe('/workspace');
    expect(await navLabels(page)).toEqual(['工作台', '月报填报', '村级台账', '督办单', '本县详情', '通知']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('怀远县');

    await page.goto('/county/340321');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('怀远县');
    expect(await mainText(page)).not.toContain('五河县');

    for (const elsewhere of ['/county/340322', '/city/3403', '/city/3403/inbox']) {
      await page.goto(elsewhere);
      expect(await mainText(page)).toContain('无权访问');
    }
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/workspace');
  });

  test('every page is reachable by its navigation link and no page scrolls sideways at 1280×720', async () => {
    for (const user of ['admin', 'city3403', 'county340321']) {
      const page = await openAs(browser, user);
      const links = await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of [...links, new URL('/account', page.url()).href]) {
        const res = await page.goto(href);
        expect(res?.status(), href).toBe(200);
        await page.waitForLoadState('networkidle');
        const [scroll, client] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
        ]);
        expect(scroll, href).toBeLessThanOrEqual(client);
      }
    }
  });
});
