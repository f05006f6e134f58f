// pnpm bench:web — the province overview's JavaScript (gzip, summed over every script response) and its largest
// contentful paint, cold, in headless Chromium on localhost. Starts a demo database, the API and the built
// dashboard unless DASHBOARD_URL points at a running one (then BENCH_USER/BENCH_PASSWORD log in).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { apiDir, dashboardDir } from '../tests/browser/support/paths';
import {
  freePort,
  runToEnd,
  startProcess,
  stopProcess,
  waitForHealthy,
  type Started,
} from '../tests/browser/support/processes';

const targets = { jsKb: 400, lcpMs: 1500 };
const runs = Number(process.env.BENCH_RUNS ?? 5);
const user = process.env.BENCH_USER ?? 'viewer';
const password = process.env.BENCH_PASSWORD ?? 'dudao-demo-2021';

async function startStack(started: Started[], tmp: string): Promise<string> {
  if (!existsSync(join(dashboardDir, 'build/index.js')))
    throw new Error('apps/dashboard/build 不存在：请先运行 pnpm build');
  const db = join(tmp, 'bench.db');
  const log = (name: string) => join(tmp, `${name}.log`);
  console.log('准备演示数据库…');
  await runToEnd(join(apiDir, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'db:reset', '--db', db], {
    cwd: apiDir,
    env: process.env,
    log: log('db'),
  });
  const apiPort = await freePort();
  const api = startProcess('api', process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: apiDir,
    env: { ...process.env, DUDAO_DB: db, PORT: String(apiPort), HOST: '127.0.0.1' },
    log: log('api'),
  });
  started.push(api);
  await waitForHealthy(`http://127.0.0.1:${apiPort}/healthz`, api, log('api'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    API_URL: `http://127.0.0.1:${apiPort}`,
    ORIGIN: url,
    BODY_SIZE_LIMIT: '11M',
  };
  const dashboard = startProcess('dashboard', process.execPath, ['build'], {
    cwd: dashboardDir,
    env,
    log: log('dashboard'),
  });
  started.push(dashboard);
  await waitForHealthy(`${url}/healthz`, dashboard, log('dashboard'));
  return url;
}

async function measure(
  browser: Browser,
  baseURL: string,
  cookies: Parameters<import('playwright-core').BrowserContext['addCookies']>[0],
) {
  // A fresh context each run: nothing cached, only the session cookie carried over.
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const scripts: Promise<{ gzip: number; wire: number }>[] = [];
  page.on('response', (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (res.request().resourceType() !== 'script' && !type.includes('javascript')) return;
    scripts.push(
      Promise.all([res.body(), res.request().sizes()]).then(([body, sizes]) => ({
        gzip: gzipSync(body, { level: 9 }).length,
        wire: sizes.responseBodySize,
      })),
    );
  });
  await page.goto('/', { waitUntil: 'load' });
  await page.locator('[role="img"][aria-label*="地图"][data-rendered="true"]').waitFor({ timeout: 30_000 });
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)!.startTime)).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        });
      }),
  );
  const sizes = await Promise.all(scripts);
  await context.close();
  return {
    lcp,
    gzip: sizes.reduce((n, s) => n + s.gzip, 0),
    wire: sizes.reduce((n, s) => n + s.wire, 0),
    files: sizes.length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const started: Started[] = [];
const tmp = await mkdtemp(join(tmpdir(), 'dudao-bench-'));
let browser: Browser | undefined;
// Set when the measures are in; an error before that ends the script through the throw.
let failed: boolean | undefined;
try {
  const baseURL = process.env.DASHBOARD_URL ?? (await startStack(started, tmp));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const login = await browser.newContext({ baseURL });
  const loginPage = await login.newPage();
  await loginPage.goto('/login');
  await loginPage.getByLabel('用户名').fill(user);
  await loginPage.getByLabel('密码').fill(password);
  await loginPage.getByRole('button', { name: '登录' }).click();
  await loginPage.waitForURL((u) => !u.pathname.startsWith('/login'));
  const cookies = await login.cookies();
  await login.close();

  await measure(browser, baseURL, cookies); // warm the API's caches, as a running server would have them
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(browser, baseURL, cookies));
  const js = median(results.map((r) => r.gzip)) / 1024;
  const wire = median(results.map((r) => r.wire)) / 1024;
  const lcp = median(results.map((r) => r.lcp));
  console.log(`全省概览（${user}，1280×720，${runs} 次冷启动取中位数）`);
  console.log(
    `  JavaScript：${js.toFixed(1)} KB（gzip，${results[0]!.files} 个文件；实际传输 ${wire.toFixed(1)} KB）  目标 ≤ ${targets.jsKb} KB  ${js <= targets.jsKb ? '达标' : '超标'}`,
  );
  console.log(
    `  最大内容绘制 LCP：${Math.round(lcp)} ms（各次：${results.map((r) => Math.round(r.lcp)).join(' / ')}）  目标 ≤ ${targets.lcpMs} ms  ${lcp <= targets.lcpMs ? '达标' : '超标'}`,
  );
  failed = js > targets.jsKb || lcp > targets.lcpMs;
} finally {
  await browser?.close();
  for (const s of started.reverse()) await stopProcess(s);
  await rm(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
