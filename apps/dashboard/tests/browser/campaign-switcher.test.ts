import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { apiDir, resultsDir } from './support/paths';
import { openAs, openHeaderMenu } from './support/session';

const extraName = '安徽省社会救助专项复查行动';

/** A second Anhui plan beside the demo one: the shipped file with another code and name, installed by the CLI. */
function installSecondPlan(): void {
  const shipped = readFileSync(join(apiDir, '../../campaigns/anhui-2021.yaml'), 'utf8');
  const file = join(mkdtempSync(join(tmpdir(), 'dudao-plan-')), 'extra.yaml');
  writeFileSync(
    file,
    shipped
      .replace('code: anhui-2021', 'code: anhui-extra')
      .replace('name: 安徽省社会救助工作便民惠民优化服务行动', `name: ${extraName}`),
  );
  const r = spawnSync(
    join(apiDir, 'node_modules/.bin/tsx'),
    ['src/cli/main.ts', 'campaign', 'install', file, '--db', inject('dbPath')],
    { cwd: apiDir, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`campaign install failed: ${r.stderr}`);
}

/**
 * Chooses in the switcher and waits for the page it reloads. The reload folds the phone's menu again: it is opened, so
 * the switcher can be read and the width check sees the menu's column too.
 */
async function choose(page: Page, code: string): Promise<void> {
  const reloaded = page.waitForEvent('load');
  await page.getByRole('combobox', { name: '当前行动' }).selectOption(code);
  await reloaded;
  await page.waitForLoadState('networkidle');
  await openHeaderMenu(page);
}

let browser: Browser;
beforeAll(async () => {
  installSecondPlan();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the header\u2019s campaign switcher', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    test(`at ${viewport.width} px: lists both campaigns, switching shows the other one's name and data, and back`, async () => {
      const page = await openAs(browser, 'admin', viewport);
      // At 390 px the switcher sits behind 菜单 with the navigation; at 1366 px it is in the bar.
      await openHeaderMenu(page);
      const select = page.getByRole('combobox', { name: '当前行动' });
      // The year leads each choice (both copies start in 2021), so the narrow closed select still tells them apart.
      expect(await select.locator('option').allTextContents()).toEqual(
        expect.arrayContaining([
          '2021年 安徽省社会救助工作便民惠民优化服务行动',
          `2021年 ${extraName}`,
          '2022年 安徽省社会救助服务提质增效行动',
        ]),
      );
      expect(await select.inputValue()).toBe('anhui-2021');
      await screenshot(page, `campaign-switcher-${viewport.width}-anhui-2021`);
      await page.screenshot({ path: join(resultsDir, `campaign-switcher-${viewport.width}-top.png`) });

      await choose(page, 'anhui-extra');
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.getByRole('combobox', { name: '当前行动' }).inputValue()).toBe('anhui-extra');
      expect(await page.locator('main').textContent()).toContain(extraName);
      // The new plan has no reports yet: the province overview counts none received.
      const reports = await page.request.get(
        `/trpc/reports.list?input=${encodeURIComponent(JSON.stringify({ unit: '34' }))}`,
      );
      expect(((await reports.json()) as { result: { data: unknown[] } }).result.data).toEqual([]);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((e) => {
            for (let p = e.parentElement; p; p = p.parentElement)
              if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
            return true;
          })
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}px ${(e.textContent ?? '').slice(0, 30)}`,
          ),
      );
      await page.screenshot({ path: join(resultsDir, `campaign-switcher-${viewport.width}-extra-top.png`) });
      expect(wide).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `campaign-switcher-${viewport.width}-anhui-extra`);

      await choose(page, 'anhui-2021');
      expect(await page.getByRole('combobox', { name: '当前行动' }).inputValue()).toBe('anhui-2021');
      expect(await page.locator('main').textContent()).toContain('安徽省社会救助工作便民惠民优化服务行动');
    });
  }

  test('a remembered campaign that is not installed is forgotten: the page opens in the default one', async () => {
    const page = await openAs(browser, 'admin');
    await page.context().addCookies([{ name: 'dudao_campaign', value: 'no-such-plan', url: inject('dashboardUrl') }]);
    const res = await page.goto('/reports');
    expect(res?.status()).toBe(200);
    expect(await page.getByRole('combobox', { name: '当前行动' }).inputValue()).toBe('anhui-2021');
    expect((await page.context().cookies()).some((c) => c.name === 'dudao_campaign')).toBe(false);
  });
});
