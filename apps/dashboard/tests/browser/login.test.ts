import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, logIn, newPage, screenshot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('login', () => {
  test('a visitor without a session is sent to the login page', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('督导台');
    // The campaign's name comes from its definition file, through the API, before anyone signs in.
    await page.getByText('安徽省社会救助工作便民惠民优化服务行动', { exact: true }).waitFor();
  });

  test('a wrong password shows the Chinese error and keeps the user on the login page', async () => {
    const page = await newPage(browser);
    await logIn(page, 'viewer', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByLabel('用户名').inputValue()).toBe('viewer');
    await screenshot(page, 'login-wrong-password');
  });

  test('the form works from the keyboard alone', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByLabel('用户名').focus();
    await page.keyboard.type('viewer');
    await page.keyboard.press('Tab');
    await page.keyboard.type('dudao-demo-2021');
    await page.keyboard.press('Enter');
    await page.waitForURL('/');
    expect(await page.getByRole('banner').textContent()).toContain('省级只读');
  });

  test('after login the user returns to the page they asked for', async () => {
    const page = await newPage(browser);
    await page.goto('/?from=bookmark');
    expect(page.url()).toContain('/login?next=%2F%3Ffrom%3Dbookmark');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('dudao-demo-2021');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('/?from=bookmark');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('安徽省');
  });

  test('logging out ends the session', async () => {
    const page = await newPage(browser);
    await logIn(page, 'admin');
    await page.waitForURL('/');
    await page.locator('header .account > summary').click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('/login');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
