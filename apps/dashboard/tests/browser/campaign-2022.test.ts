import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoPassword, launchChromium } from './support/browser';
import { apiDir, dashboardDir, resultsDir } from './support/paths';
import { freePort, startProcess, stopProcess, waitForHealthy, type Started } from './support/processes';
import { openHeaderMenu } from './support/session';

// The second shipped plan in the dashboard. The shared demo database stands at 2021-11-20 for the other browser
// tests, so this one serves its own copy, with the campaign clock moved to 2022-07-20 and 怀远县's 2022 季报 and
// roster imported by the CLI, from its own API and dashboard.

const NAME_2021 = '安徽省社会救助工作便民惠民优化服务行动';
const NAME_2022 = '安徽省社会救助服务提质增效行动';
const HUAIYUAN = '340321';

/** `pnpm cli …` on the copy, in a child process; its stdout, or the failure with its stderr. */
function cli(db: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', db], {
      cwd: apiDir,
      env: { ...process.env, INIT_CWD: apiDir },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`cli ${args.join(' ')} exited ${code}: ${err}`)),
    );
  });
}

const csvText = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

// 怀远县's Q1 and Q2; Q2 is the latest 季报 due by 07-20 (due 07-10), submitted on 07-08.
const q1 = {
  p1_plan_on: '2022-03-15',
  k1_low_income_identified: '950',
  k1_low_income_covered: '880',
  k2_temp_aid_cases: '180',
  k2_temp_aid_fast: '130',
  k3_avg_days: '13',
  k3_over_limit: '0',
  k5_hotline_live: '否',
  k5_found_persons: '30',
  k6_events: '1',
};
const q2 = {
  p1_plan_on: '2022-03-15',
  k1_low_income_identified: '1000',
  k1_low_income_covered: '950',
  k2_temp_aid_cases: '400',
  k2_temp_aid_fast: '300',
  k3_avg_days: '12',
  k3_over_limit: '0',
  k5_hotline_live: '是',
  k5_found_persons: '80',
  k6_events: '3',
};
const values = (period: string, v: Record<string, string>) =>
  Object.entries(v).map(([indicator, value]) => [HUAIYUAN, period, indicator, value, '']);

// By hand from campaigns/anhui-2022.yaml, judged on 06-30 (report) and 07-20 (roster):
// K1 950/1000 = 0.95 ≥ 0.9 → 100; K2 300/400 = 0.75, r = 0.9375 → 93.75; K3 12 ≤ 15 days and 0 over → 100;
// K4 every village has a 民政 member, both eligible villages a station → 100; K5 hotline 是 → 100; K6 3 of 4 events
// before 12-31 → unscored. Weights 2, 1, 1, 2, 1: (200 + 93.75 + 100 + 200 + 100) / 7 = 99.107 → 99.1.
const HUAIYUAN_SCORE = '99.1';

let tmp: string;
let apiUrl: string;
let dashboardUrl: string;
const started: Started[] = [];
let browser: Browser;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dudao-2022-'));
  const db = join(tmp, 'dudao.db');
  // A consistent copy of the demo database while the shared API keeps serving it.
  await cli(inject('dbPath'), ['db:backup', db]);
  await cli(db, ['clock', 'set', '2022-07-20T10:00:00+08:00']);
  const valuesFile = join(tmp, 'huaiyuan-2022.csv');
  await writeFile(
    valuesFile,
    csvText([['unit_code', 'period', 'indicator', 'value', 'comment'], ...values('2022-Q1', q1)]),
  );
  await cli(db, [
    'import',
    'values',
    valuesFile,
    '--submit',
    '--campaign',
    'anhui-2022',
    '--at',
    '2022-04-08T10:00:00+08:00',
  ]);
  await writeFile(
    valuesFile,
    csvText([['unit_code', 'period', 'indicator', 'value', 'comment'], ...values('2022-Q2', q2)]),
  );
  await cli(db, [
    'import',
    'values',
    valuesFile,
    '--submit',
    '--campaign',
    'anhui-2022',
    '--at',
    '2022-07-08T10:00:00+08:00',
  ]);
  // Every village of 怀远县 with a member; the first two with 120 and 150 long-term recipients (eligible) and a station.
  const villages = (
    JSON.parse(await cli(db, ['units', '--level', 'village', '--json'])) as { code: string; name: string }[]
  ).filter((v) => v.code.startsWith(HUAIYUAN));
  const header = [
    '村（社区）代码',
    '村（社区）名称',
    '常年救助对象人数',
    '明确民政工作负责人',
    '社会救助协理员人数',
    '其中专职人数',
    '协理员月均报酬（元）',
    '社会救助服务站（点）数',
  ];
  const rosterFile = join(tmp, 'huaiyuan-roster.csv');
  await writeFile(
    rosterFile,
    csvText([
      header,
      ...villages.map((v, i) => [v.code, v.name, i === 0 ? 120 : i === 1 ? 150 : 30, '是', 1, 0, 1200, i < 2 ? 1 : 0]),
    ]),
  );
  await cli(db, [
    'import',
    'roster',
    rosterFile,
    '--county',
    HUAIYUAN,
    '--campaign',
    'anhui-2022',
    '--at',
    '2022-05-01T10:00:00+08:00',
  ]);

  const apiPort = await freePort();
  apiUrl = `http://127.0.0.1:${apiPort}`;
  const apiLog = join(resultsDir, 'logs/api-2022.log');
  const api = startProcess('api-2022', process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: apiDir,
    // As the suite's own API: days are answered as they are asked, so warming every day's answers and forecasts does
    // not take the cores the browser needs.
    env: { ...process.env, DUDAO_DB: db, PORT: String(apiPort), HOST: '127.0.0.1', DUDAO_WARM_ANSWERS: 'off' },
    log: apiLog,
  });
  started.push(api);
  await waitForHealthy(`${apiUrl}/healthz`, api, apiLog);
  const dashboardPort = await freePort();
  dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
  const dashboardLog = join(resultsDir, 'logs/dashboard-2022.log');
  const dashboard = startProcess('dashboard-2022', process.execPath, ['build'], {
    cwd: dashboardDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(dashboardPort),
      HOST: '127.0.0.1',
      API_URL: apiUrl,
      ORIGIN: dashboardUrl,
      BODY_SIZE_LIMIT: '11M',
    },
    log: dashboardLog,
  });
  started.push(dashboard);
  await waitForHealthy(`${dashboardUrl}/healthz`, dashboard, dashboardLog);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  for (const s of started.reverse()) await stopProcess(s);
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function openAs(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: dashboardUrl,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.waitForLoadState('networkidle');
  await openHeaderMenu(page);
  return page;
}

/**
 * The header's switcher, as a user changes it: the page reloads in the chosen campaign. On a phone the switcher is
 * behind 菜单, which every new page folds again: it is opened before choosing.
 */
async function switchTo(page: Page, code: string): Promise<void> {
  await openHeaderMenu(page);
  await page.getByRole('combobox', { name: '当前行动' }).selectOption(code);
  await page.waitForFunction(
    (c) => document.querySelector<HTMLSelectElement>('select[name="campaign"]')?.value === c,
    code,
  );
  await page.waitForLoadState('networkidle');
}

/** The line under the page's title: 全省概览 · 数据截至 … · the campaign's name. */
const heading = async (page: Page) => (await page.locator('main h1 + p').first().textContent()) ?? '';
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
const shot = (page: Page, name: string) => page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });

describe('the 2022 plan in the dashboard beside the 2021 one', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    test(`at ${viewport.width} px: the province switches to anhui-2022, sees its name, 蚌埠市 and 怀远县 at their hand-computed scores, and back`, async () => {
      const page = await openAs('admin', viewport);
      // On 2022-07-20 the plan that has begun with the latest start is anhui-2022: it is the default.
      expect(await page.getByRole('combobox', { name: '当前行动' }).inputValue()).toBe('anhui-2022');
      await switchTo(page, 'anhui-2021');
      expect(await heading(page)).toContain(NAME_2021);

      await switchTo(page, 'anhui-2022');
      expect(await heading(page)).toContain(NAME_2022);
      expect(await page.locator('main').textContent()).not.toContain(NAME_2021);
      // Of the 119 county-level units only 怀远县 reported; the other 118 owe their plan, roster and 季报: lagging.
      const laggingList = region(page, '进展缓慢县区（118 个）');
      await expect.poll(() => laggingList.count()).toBe(1);
      expect(await laggingList.textContent()).not.toContain('怀远县');
      // 蚌埠市 is the mean of its nine counties: 99.107 / 9 = 11.01 → 11.0.
      const bengbu = region(page, '各市情况')
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: '蚌埠市', exact: true }) });
      expect(await bengbu.textContent()).toContain('11.0');
      await shot(page, `campaign-2022-${viewport.width}-province`);

      await bengbu.getByRole('link', { name: '蚌埠市', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/city/3403');
      await page.waitForLoadState('networkidle');
      await openHeaderMenu(page);
      expect(await page.getByRole('combobox', { name: '当前行动' }).inputValue()).toBe('anhui-2022');
      const ranking = region(page, '县区综合得分排名');
      await expect.poll(async () => (await ranking.textContent()) ?? '').toContain(HUAIYUAN_SCORE);
      expect(await ranking.textContent()).toContain('怀远县');
      // The eight other counties of 蚌埠市 are lagging; 怀远县 is not.
      const cityLagging = region(page, '进展缓慢县区（8 个）及实地督导');
      expect(await cityLagging.textContent()).not.toContain('怀远县');
      // The eight owe the Q2 report, which this plan calls 季报; the period reads as words, 2022年第二季度.
      const missing = region(page, '未报送事项（8 项）');
      expect(await missing.getByRole('listitem').filter({ hasText: '2022年第二季度季报未报送' }).count()).toBe(8);
      expect(await missing.textContent()).not.toContain('月报');
      await shot(page, `campaign-2022-${viewport.width}-city`);

      await page.goto('/');
      await switchTo(page, 'anhui-2021');
      expect(await heading(page)).toContain(NAME_2021);
      expect(await page.locator('main').textContent()).not.toContain(NAME_2022);
      await shot(page, `campaign-2022-${viewport.width}-back-2021`);
    }, 180_000);
  }
});
