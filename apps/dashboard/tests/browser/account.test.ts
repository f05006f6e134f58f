import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, logIn, newPage } from './support/browser';
import { openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('change password', () => {
  test('a wrong old password is refused in Chinese; the right one changes it for the next login', async () => {
    const page = await openAs(browser, 'county340323');
    await page.locator('header .account > summary').click();
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.getByLabel('原密码').fill('not-my-password');
    await page.getByLabel('新密码', { exact: true }).fill('guzhen-2021-new');
    await page.getByLabel('再次输入新密码').fill('guzhen-2021-new');
    await page.getByRole('button', { name: '保存新密码' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('原密码不正确');

    await page.getByLabel('原密码').fill('dudao-demo-2021');
    await page.getByLabel('新密码', { exact: true }).fill('guzhen-2021-new');
    await page.getByLabel('再次输入新密码').fill('guzhen-2021-new');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();

    const again = await newPage(browser);
    await logIn(again, 'county340323', 'guzhen-2021-new');
    await again.waitForURL(/\/workspace/);
    expect(await again.getByRole('banner').textContent()).toContain('固镇县');
  });
});
