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

describe('hardening seen from the browser', () => {
  test('an upload over 10 MB is refused by the dashboard in Chinese; a 2 MB one reaches the API', async () => {
    const page = await newPage(browser);
    await logIn(page, 'county340321');
    await page.waitForURL((u) => u.pathname !== '/login');
    const send = (bytes: number) =>
      page.request.post('/files/roster?county=340321', {
        headers: { origin: new URL(page.url()).origin },
        multipart: {
          file: { name: 'roster.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(bytes, 65) },
        },
      });
    const big = await send(12 * 1024 * 1024);
    expect(big.status()).toBe(413);
    expect((await big.json()).error).toContain('上传内容超过 10 MB');
    // 2 MB of letters is no spreadsheet: the API itself answers, in Chinese, so the body got through.
    const small = await send(2 * 1024 * 1024);
    expect(small.status()).toBe(400);
    expect(JSON.stringify(await small.json())).toMatch(/[\u4e00-\u9fff]/);
  });

  test('pages carry a CSP that forbids framing, and the page still runs its scripts under it', async () => {
    const page = await newPage(browser);
    const res = await page.goto('/login');
    const headers = res!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await logIn(page, 'viewer');
    await page.waitForURL((u) => u.pathname !== '/login');
    expect(violations).toEqual([]);
  });

  test('a signed-in user led to //another.host with a bad as-of date is sent to a path of this site', async () => {
    const page = await newPage(browser);
    await logIn(page, 'admin');
    await page.waitForURL((u) => u.pathname !== '/login');
    const { origin } = new URL(page.url());
    // A request path `//evil.example/` is this server's; as a Location it would be another host.
    for (const path of ['//evil.example/?asOf=bad', '/\\evil.example/?asOf=bad', '/.//evil.example/?asOf=x']) {
      const answer = await page.request.get(`${origin}${path}`, { maxRedirects: 0 });
      const location = answer.headers()['location'] ?? '';
      expect(answer.status(), path).toBeLessThan(500);
      if (location) expect(new URL(location, origin).origin, `${path} → ${location}`).toBe(origin);
    }
    await page.close();
  });

  test('a user whose password an admin set is kept on 修改密码 until it is changed', async () => {
    const admin = await newPage(browser);
    await logIn(admin, 'admin');
    await admin.waitForURL((u) => u.pathname !== '/login');
    const created = await admin.request.post('/trpc/users.create', {
      data: {
        username: 'xin.yuangong2',
        displayName: '新员工',
        role: 'county_clerk',
        scopeCode: '340321',
        password: 'Init#2021ab',
      },
      headers: { origin: new URL(admin.url()).origin },
    });
    expect(created.status()).toBe(200);

    const page = await newPage(browser, { width: 390, height: 844 });
    await logIn(page, 'xin.yuangong2', 'Init#2021ab');
    await page.waitForURL(/\/account/);
    await page.goto('/workspace');
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.getByRole('note').textContent()).toContain('您的密码由管理员设置');
    await screenshot(page, 'forced-password-change-390');
    await page.getByLabel('原密码').fill('Init#2021ab');
    await page.getByLabel('新密码', { exact: true }).fill('Mine#2021cd');
    await page.getByLabel('再次输入新密码').fill('Mine#2021cd');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    await page.goto('/workspace');
    expect(new URL(page.url()).pathname).toBe('/workspace');
  });
});
