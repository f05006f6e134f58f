import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { query } from './support/api';
import { launchChromium, screenshot } from './support/browser';
import { confirmIn, openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface ReportRow {
  countyCode: string;
  countyName: string;
  period: string;
  state: string;
}
interface Clock {
  now: string;
  today: string;
  simulated: boolean;
}
interface Notice {
  kind: string;
  title: string;
}

async function statusLine(page: Page): Promise<string> {
  const line = page.locator('main [role="status"], main [role="alert"]').first();
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

/** The city overview's card for the latest due period: "N / M" on time, "逾期报送 L 个，未报送 K 个": submitted = N + L. */
async function submittedOnCityPage(page: Page, city: string, asOf: string): Promise<number> {
  await page.goto(`/city/${city}?asOf=${asOf}`);
  const text = (await page.locator('main').textContent()) ?? '';
  const m = /2021年10月月报按时报送\s*(\d+) \/ \d+[\s\S]*?逾期报送 (\d+) 个/.exec(text);
  if (!m) throw new Error(`本市概览（${asOf}）上没有 2021-10 月报的报送卡片`);
  return Number(m[1]) + Number(m[2]);
}

describe('the demo runs on its campaign clock: a clerk’s submission shows at once, and not before', () => {
  test('submitted through the form, it reaches the inbox, the city’s KPI, the status and the notices; the day before shows no trace', async () => {
    const admin = await openAs(browser, 'admin');
    const clock = await query<Clock>(admin, 'clock.get', {});
    expect(clock).toMatchObject({ today: '2021-11-20', simulated: true });
    // The header says the clock is simulated, and the as-of date defaults to and stops at its day.
    expect(await admin.locator('header.bar').textContent()).toContain('模拟时钟：2021年11月20日 10:');
    expect(await admin.getByLabel('数据截至').inputValue()).toBe('2021-11-20');
    expect(await admin.getByLabel('数据截至').getAttribute('max')).toBe('2021-11-20');
    await screenshot(admin, 'as-of-header-clock');

    const drafts = await query<ReportRow[]>(admin, 'reports.list', { state: 'draft', period: '2021-10' });
    const owed = drafts.at(-1);
    expect(owed, '演示数据中应有未报送 2021-10 月报的县').toBeDefined();
    const { countyCode, countyName } = owed!;
    const city = countyCode.slice(0, 4);
    const before = 'asOf=2021-11-19';

    const officer = await openAs(browser, `city${city}`);
    const submittedBefore = await submittedOnCityPage(officer, city, '2021-11-20');

    // Page 1, 工作台 → 月报填报: the clerk submits the October report kept as a draft.
    const clerk = await openAs(browser, `county${countyCode}`);
    await clerk.getByRole('link', { name: '填报并报送2021年10月月报' }).click();
    await clerk.waitForURL(/\/workspace\/report\/2021-10/);
    expect(await clerk.locator('main').textContent()).toContain('此页显示当前状态（不随查看日期变化）');
    await clerk.getByRole('button', { name: '报送', exact: true }).click();
    await confirmIn(clerk, '确认报送');
    expect(await statusLine(clerk)).toContain('月报已报送');
    const detail = await query<{ state: string; firstSubmittedAt: string }>(clerk, 'reports.get', {
      countyCode,
      period: '2021-10',
    });
    expect(detail.state).toBe('submitted');
    // Stamped by the campaign clock, on its day, not by the machine's date.
    expect(detail.firstSubmittedAt.slice(0, 10)).toBe('2021-11-20');

    // Page 2, 审核收件箱: the city officer finds it today, and not as of the day before.
    await officer.goto(`/city/${city}/inbox?asOf=2021-11-20`);
    expect(
      await officer.getByRole('row').filter({ hasText: countyName }).filter({ hasText: '2021年10月' }).count(),
    ).toBe(1);
    await screenshot(officer, 'as-of-inbox-today');
    await officer.goto(`/city/${city}/inbox?${before}`);
    expect(
      await officer.getByRole('row').filter({ hasText: countyName }).filter({ hasText: '2021年10月' }).count(),
    ).toBe(0);
    expect(await officer.locator('main').textContent()).toContain('显示的是截至2021年11月19日的情况');
    expect(await officer.getByRole('button', { name: /^审核通过/ }).count()).toBe(0);

    // Page 3, 本市概览: the October card counts one more submission today, as many as before on the day before.
    expect(await submittedOnCityPage(officer, city, '2021-11-20')).toBe(submittedBefore + 1);
    expect(await submittedOnCityPage(officer, city, '2021-11-19')).toBe(submittedBefore);

    // The status engine behind the pages: the October report counts as submitted (late) today, as missing the day before.
    const lateOn = async (asOf: string) => {
      const answer = await query<{
        counties: {
          code: string;
          reasons: { code: string; figures: { period?: string; submittedOn?: string | null } }[];
        }[];
      }>(officer, 'status.at', { asOf, unit: countyCode });
      return answer.counties[0]!.reasons.find((r) => r.code === 'late_report' && r.figures.period === '2021-10')
        ?.figures.submittedOn;
    };
    expect(await lateOn('2021-11-20')).toBe('2021-11-20');
    expect(await lateOn('2021-11-19')).toBeNull();

    // The officer approves from the report opened from the inbox; the clerk's 工作台 (page 4) shows the notice today, not the day before.
    await officer.goto(`/city/${city}/inbox?asOf=2021-11-20`);
    // The reviewer opens the report before deciding: the inbox only links to it.
    await officer
      .getByRole('row')
      .filter({ hasText: countyName })
      .filter({ hasText: '2021年10月' })
      .getByRole('link', { name: /^打开审核/ })
      .click();
    await officer.getByRole('button', { name: `审核通过${countyName} 2021年10月月报` }).click();
    await confirmIn(officer, '确认审核通过');
    expect(await statusLine(officer)).toContain(`已审核通过：${countyName}`);
    const officerNotices = async (asOf: string) =>
      (await query<Notice[]>(officer, 'notices.mine', { asOf })).filter(
        (n) => n.kind === 'report.submitted' && n.title.includes(`${countyName}2021年10月`),
      ).length;
    expect([await officerNotices('2021-11-19'), await officerNotices('2021-11-20')]).toEqual([0, 1]);

    await clerk.goto('/workspace?asOf=2021-11-20');
    const notices = clerk.getByRole('region', { name: /^通知/ });
    expect(await notices.textContent()).toMatch(/2021年10月月报已审核通过/);
    expect(await clerk.getByRole('region', { name: /^待办事项/ }).textContent()).not.toContain(
      '填报并报送2021年10月月报',
    );
    await screenshot(clerk, 'as-of-workspace-today');
    await clerk.goto(`/workspace?${before}`);
    expect(await clerk.getByRole('region', { name: /^通知/ }).textContent()).not.toMatch(/2021年10月月报已审核通过/);
    expect(await clerk.getByRole('region', { name: /^待办事项/ }).textContent()).toContain('填报并报送2021年10月月报');

    // Page 5, 月报 (the county's report as the city sees it): approved today, a draft with no history of it the day before.
    await officer.goto(`/county/${countyCode}/report/2021-10?asOf=2021-11-20`);
    expect(await officer.locator('main').textContent()).toContain('市级已审核');
    await officer.goto(`/county/${countyCode}/report/2021-10?${before}`);
    const earlier = (await officer.locator('main').textContent()) ?? '';
    expect(earlier).not.toContain('市级已审核');
    expect(earlier).toMatch(/状态\s*✎草稿/);
    expect(earlier).toMatch(/首次报送\s*尚未报送/);
  });

  test('an admin moves the clock forward from the header; others only read it', async () => {
    const admin = await openAs(browser, 'admin');
    // Forward within the same day, so the other tests' days stay as they are.
    // The setting opens from the clock's label (a <details>): a click before hydration may be undone, so open until shown.
    const at = admin.getByLabel('拨到（北京时间）');
    for (let tries = 0; tries < 5 && !(await at.isVisible()); tries++) {
      await admin.getByText(/^模拟时钟：/).click();
      await at.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
    }
    await at.fill('2021-11-20T11:30');
    await admin.getByRole('button', { name: '拨快' }).click();
    await admin.waitForLoadState('networkidle');
    expect(await admin.locator('header.bar').textContent()).toMatch(/模拟时钟：2021年11月20日 11:3\d/);
    expect((await query<Clock>(admin, 'clock.get', {})).now >= '2021-11-20T03:30:00.000Z').toBe(true);
    const viewer = await openAs(browser, 'viewer');
    expect(await viewer.locator('header.bar').textContent()).toContain('模拟时钟：2021年11月20日 11:3');
    expect(await viewer.getByRole('button', { name: '拨快' }).count()).toBe(0);
  });

  test('the clock page names its day and refuses a move back or a blank time in words, with no code or ISO date', async () => {
    const admin = await openAs(browser, 'admin');
    await admin.goto('/clock');
    const main = admin.locator('main');
    expect(await main.textContent()).toMatch(/查看日期最晚到\d{4}年\d{1,2}月\d{1,2}日。/);
    const before = (await query<Clock>(admin, 'clock.get', {})).now;
    // The page's own form (the header has another): what a browser without the form's checks would send.
    const at = main.getByLabel('拨到（北京时间）');
    await at.evaluate((e) => e.removeAttribute('min'));
    await at.fill('2021-08-01T09:00');
    await main.getByRole('button', { name: '拨快' }).click();
    await main.getByRole('alert').filter({ hasText: '向后拨' }).waitFor();
    const back = (await main.getByRole('alert').textContent()) ?? '';
    expect(back).toMatch(/^时钟只能向后拨：2021年8月1日 09:00 早于当前时钟 2021年11月20日 \d\d:\d\d$/);
    await main.getByLabel('拨到（北京时间）').evaluate((e) => {
      e.removeAttribute('required');
      (e as HTMLInputElement).value = '';
    });
    await main.getByRole('button', { name: '拨快' }).click();
    await main.getByRole('alert').filter({ hasText: '请填写' }).waitFor();
    const blank = (await main.getByRole('alert').textContent()) ?? '';
    expect(blank).toBe('拨到（北京时间）：请填写要拨到的日期和时间');
    for (const text of [back, blank, (await main.textContent()) ?? '']) {
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toMatch(/（[A-Za-z]+）/);
    }
    // Neither moved it: the (running) clock only went on from where it was.
    const after = await query<Clock>(admin, 'clock.get', {});
    expect(after.now >= before && Date.parse(after.now) - Date.parse(before) < 10 * 60_000).toBe(true);
  });

  test('an as-of date after the clock’s day is moved back to it', async () => {
    const page = await openAs(browser, 'viewer');
    await page.goto('/?asOf=2021-12-15');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2021-11-20');
  });
});
