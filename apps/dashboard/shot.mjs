import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:4712';
const [user, width, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ baseURL: base, viewport: { width: Number(width), height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const page = await ctx.newPage();
await page.goto('/login');
await page.getByLabel('用户名').fill(user);
await page.getByLabel('密码').fill('dudao-demo-2021');
await page.getByRole('button', { name: '登录' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
for (const p of paths) {
  await page.goto(p);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  const name = `${user}_${width}_${p.replace(/[^a-z0-9]+/gi, '_')}`;
  await page.screenshot({ path: `/tmp/i12/shots/${name}.png`, fullPage: process.env.FULL === '1' });
  console.log(name, 'scrollWidth', sw);
}
await browser.close();
