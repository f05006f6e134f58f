import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { resultsDir } from './paths';

export const demoPassword = 'dudao-demo-2021';

// Debian's chromium-headless-shell is Chromium's own engine without the browser around it: the same Blink lays out and
// paints the pages, and the suite takes some 40% less time (counts-and-reviews: 99 s → 60 s of tests) on two cores.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in its own context (own cookies), at the smallest screen the dashboard must serve. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('dashboardUrl'),
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return context.newPage();
}

export async function logIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}
