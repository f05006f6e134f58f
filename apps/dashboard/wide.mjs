import { chromium } from 'playwright-core';
const [user, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ baseURL: 'http://127.0.0.1:4712', viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
await page.goto('/login');
await page.getByLabel('用户名').fill(user);
await page.getByLabel('密码').fill('dudao-demo-2021');
await page.getByRole('button', { name: '登录' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
for (const p of paths) {
  await page.goto(p);
  await page.waitForLoadState('networkidle');
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391).map((e) => `${e.tagName}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 12));
  console.log(p, wide);
}
await browser.close();
