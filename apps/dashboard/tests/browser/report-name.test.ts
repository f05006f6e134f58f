import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { apiDir } from './support/paths';
import { mainText, navLabels, openAs, openHeaderMenu } from './support/session';

function cli(args: string[]): string {
  const r = spawnSync(join(apiDir, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args, '--db', inject('dbPath')], {
    cwd: apiDir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`pnpm cli ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** The demo clock's instant (`clock` prints it in ISO after the Beijing time). */
function clockNow(): string {
  const iso = /(\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(cli(['clock']))?.[1];
  if (!iso) throw new Error('clock printed no ISO instant');
  return iso;
}

/** Chooses the campaign in the header's switcher and waits until the switch has been posted and the page reloaded. */
async function choose(page: Page, campaign: string): Promise<void> {
  const select = page.getByRole('combobox', { name: '当前行动' });
  if ((await select.inputValue()) !== campaign) {
    const posted = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/campaign' && r.request().method() === 'POST',
    );
    await select.selectOption(campaign);
    await posted;
  }
  await page.waitForLoadState('networkidle');
  expect(await page.getByRole('combobox', { name: '当前行动' }).inputValue()).toBe(campaign);
}

let browser: Browser;
let demoNow: string;
let movedAt: number;
beforeAll(async () => {
  // The shipped quarterly plan beside the demo one (a no-op when the database has it already).
  cli(['campaign', 'install', join(apiDir, '../../campaigns/anhui-2022.yaml')]);
  // The demo clock stands in 2021, before the plan starts: its first quarter's report is due on 2022-04-10.
  demoNow = clockNow();
  movedAt = Date.now();
  cli(['clock', 'set', '2022-04-06T10:00:00+08:00']);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  // Back to the demo's day, as far on as its running clock would have gone, for the other files of the run.
  if (demoNow) cli(['clock', 'set', new Date(Date.parse(demoNow) + Date.now() - movedAt).toISOString()]);
});

describe('the quarterly plan (anhui-2022) names its reports 季报', () => {
  test('the clerk’s report page, its menu and the workspace say 季报 and 本季度, never 月报', async () => {
    const page = await openAs(browser, 'county340321', { width: 1366, height: 768 });
    // On the plan's own dates the default campaign is the latest begun one; the monthly plan still says 月报.
    await choose(page, 'anhui-2021');
    expect(await navLabels(page)).toContain('月报填报');
    await choose(page, 'anhui-2022');
    expect(await navLabels(page)).toEqual(['工作台', '季报填报', '村级台账', '督办单', '本县详情', '通知']);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '季报填报' }).click();
    await page.waitForURL(/\/workspace\/report\/2022-Q1/);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('2022年第一季度季报 · 怀远县');
    expect(await page.title()).toBe('2022年第一季度季报填报 · 督导台');
    await page.getByRole('navigation', { name: '选择季报期间' }).waitFor();
    await page.getByLabel('K1 本季度工作情况').waitFor();
    const report = await mainText(page);
    expect(report).toContain('报送后本季报只读');
    expect(report).not.toContain('月报');
    expect(report).not.toContain('本月');
    await screenshot(page, 'report-name-1366-workspace-report-2022');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'report-name-390-workspace-report-2022');

    // At 390 px the menu folds behind 菜单; the phone's clerk opens it to go back to the workspace.
    await openHeaderMenu(page);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
    await page.waitForURL((url) => url.pathname === '/workspace');
    await page.waitForLoadState('networkidle');
    await page.getByRole('heading', { name: '本县季报' }).waitFor();
    expect(await mainText(page)).not.toContain('月报');
    await page.context().close();
  });

  test('the province inbox says 季报 in the quarterly plan and 月报 back in the monthly one', async () => {
    const page = await openAs(browser, 'admin');
    await choose(page, 'anhui-2022');
    await page.goto('/inbox');
    await page.waitForLoadState('networkidle');
    const inbox = await mainText(page);
    expect(inbox).toContain('各市已审核、待省级确认的季报（');
    expect(inbox).not.toContain('月报');
    await screenshot(page, 'report-name-1280-inbox-2022');

    await choose(page, 'anhui-2021');
    await page.goto('/inbox');
    await page.waitForLoadState('networkidle');
    expect(await mainText(page)).toContain('各市已审核、待省级确认的月报（');
    await page.context().close();
  });
});
