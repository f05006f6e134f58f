import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { query } from './support/api';
import { launchChromium, screenshot } from './support/browser';
import { confirmIn, openAs, openHeaderMenu } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface TodoItem {
  kind: string;
  period?: string;
}
interface ReportDetail {
  state: string;
  version: number;
  values: Record<string, string | null>;
  editsAfterSubmit: number;
}

async function statusLine(page: Page): Promise<string> {
  const line = page.locator('main [role="status"], main [role="alert"]').first();
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

describe('a monthly report from the clerk’s form to the city’s approval', () => {
  // The same journey on a desk and on a phone, by two counties of two cities, so neither run finds the other's report.
  test.each([
    { county: '340321', countyName: '怀远县', city: '3403', viewport: { width: 1366, height: 900 } },
    { county: '340207', countyName: '鸠江区', city: '3402', viewport: { width: 390, height: 844 } },
  ])(
    'at $viewport.width px fill and submit, returned with a reason, resubmitted, approved — all through the pages',
    async ({ county, countyName, city, viewport }) => {
      const clerk = await openAs(browser, `county${county}`, viewport);
      const asOf = await clerk.getByLabel('数据截至').inputValue();
      // The demo leaves some report unsubmitted; the clerk's own to-do list names it.
      const owed = (await query<TodoItem[]>(clerk, 'todo.mine', { asOf })).find((t) => t.kind === 'report' && t.period);
      expect(owed, `演示数据中${countyName}应有一份未报送的月报`).toBeDefined();
      const period = owed!.period!;
      // The period as to-dos name it: 2021-10 → 2021年10月.
      const words = `${Number(period.slice(0, 4))}年${Number(period.slice(5))}月`;
      const [, month] = period.split('-');

      await clerk.getByRole('link', { name: `填报并报送${words}月报` }).click();
      await clerk.waitForURL(new RegExp(`/workspace/report/${period}`));
      const before = await query<ReportDetail>(clerk, 'reports.get', { countyCode: county, period });

      // A part larger than its whole is caught beside the field before anything is sent.
      const nonlocal = clerk.getByLabel('急难发生地（非户籍地）救助人次');
      const whole = Number(before.values.t03_temp_aid_cases);
      await nonlocal.fill(String(whole + 1));
      await clerk.getByRole('button', { name: '报送', exact: true }).click();
      const summary = clerk.locator('#issue-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain(`不能大于临时救助人次（${whole + 1} > ${whole}）`);
      expect(await nonlocal.getAttribute('aria-invalid')).toBe('true');
      await screenshot(clerk, `report-form-validation-${viewport.width}`);
      expect((await query<ReportDetail>(clerk, 'reports.get', { countyCode: county, period })).version).toBe(
        before.version,
      );

      await nonlocal.fill(String(Math.max(0, whole - 1)));
      await clerk.getByLabel('T11 本月工作情况').fill('开展政策宣讲进村入户活动，发放口袋书。');
      await clerk.getByRole('button', { name: '报送', exact: true }).click();
      await confirmIn(clerk, '确认报送');
      expect(await statusLine(clerk)).toContain('月报已报送');
      expect(await clerk.locator('main').textContent()).toContain('已只读');

      const officer = await openAs(browser, `city${city}`, viewport);
      await openHeaderMenu(officer);
      await officer.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审核收件箱' }).click();
      // The inbox lists the report; the officer decides on the report's own page, after reading it.
      await officer
        .getByRole('row')
        .filter({ hasText: countyName })
        .filter({ hasText: `${Number(month)}月` })
        .getByRole('link', { name: /^打开审核/ })
        .click();
      await officer.waitForURL(new RegExp(`/county/${county}/report/${period}`));
      const review = officer.getByRole('region', { name: '市级审核' });
      await review.getByText('↩ 退回').click();
      await review.getByLabel('退回原因（必填）').fill('急难发生地救助人次与台账不符，请核实。');
      await review.getByRole('button', { name: `退回${countyName} ${words}月报` }).click();
      await confirmIn(officer, '确认退回');
      expect(await statusLine(officer)).toContain(`已退回：${countyName}`);

      // The reason was typed with its own full stop: neither the notice, the to-do nor the report page adds a second.
      await clerk.goto(`/workspace?asOf=${asOf}`);
      expect(await clerk.locator('main').textContent()).not.toContain('。。');
      await clerk.getByRole('link', { name: new RegExp(`${words}月报被退回`) }).click();
      const returned = (await clerk.locator('main').textContent()) ?? '';
      expect(returned).toContain('急难发生地救助人次与台账不符，请核实。请修改后重新报送。');
      expect(returned).not.toContain('。。');
      await nonlocal.fill(String(Math.max(0, whole - 2)));
      await clerk.getByRole('button', { name: '报送', exact: true }).click();
      await confirmIn(clerk, '确认报送');
      expect(await statusLine(clerk)).toContain('月报已报送');
      const resubmitted = await query<ReportDetail>(clerk, 'reports.get', { countyCode: county, period });
      expect(resubmitted.state).toBe('submitted');
      expect(resubmitted.editsAfterSubmit).toBeGreaterThan(0);

      await officer.goto(`/city/${city}/inbox?asOf=${asOf}`);
      await officer
        .getByRole('row')
        .filter({ hasText: countyName })
        .getByRole('link', { name: /^打开审核/ })
        .click();
      await officer.getByRole('button', { name: `审核通过${countyName} ${words}月报` }).click();
      await confirmIn(officer, '确认审核通过');
      expect(await statusLine(officer)).toContain(`已审核通过：${countyName}`);

      const approved = await query<ReportDetail>(clerk, 'reports.get', { countyCode: county, period });
      expect(approved.state).toBe('approved');
      expect(approved.values.t03_nonlocal_cases).toBe(String(Math.max(0, whole - 2)));
      await clerk.goto(`/workspace/report/${period}?asOf=${asOf}`);
      expect(await clerk.locator('main').textContent()).toContain('市级已审核');
      await screenshot(clerk, `report-approved-readonly-${viewport.width}`);
    },
  );

  test('saving over a version someone else has saved shows the API’s conflict message and keeps the newer version', async () => {
    const admin = await openAs(browser, 'admin');
    const drafts = await query<{ countyCode: string; period: string }[]>(admin, 'reports.list', { state: 'draft' });
    const draft = drafts.find((r) => r.countyCode !== '340321');
    expect(draft, '演示数据中应有其他县的草稿').toBeDefined();
    const { countyCode, period } = draft!;

    const first = await openAs(browser, `county${countyCode}`);
    const second = await openAs(browser, `county${countyCode}`);
    for (const tab of [first, second]) await tab.goto(`/workspace/report/${period}`);

    await first.getByLabel('T11 本月工作情况').fill('第一处修改：已开展政策宣讲。');
    await first.getByRole('button', { name: '保存草稿' }).click();
    expect(await statusLine(first)).toContain('草稿已保存');

    await second.getByLabel('T11 本月工作情况').fill('第二处修改：基于旧版本。');
    await second.getByRole('button', { name: '保存草稿' }).click();
    expect(await statusLine(second)).toContain('请刷新后重新修改，未保存任何内容');

    const saved = await query<ReportDetail>(first, 'reports.get', { countyCode, period });
    expect(saved.values['narrative.T11']).toBe('第一处修改：已开展政策宣讲。');
  });
});

describe('the report form', () => {
  test('groups the eleven tasks and labels every input', async () => {
    const admin = await openAs(browser, 'admin');
    const draft = (await query<{ countyCode: string; period: string }[]>(admin, 'reports.list', { state: 'draft' }))[0];
    expect(draft, '演示数据中应有草稿月报').toBeDefined();
    const clerk = await openAs(browser, `county${draft!.countyCode}`);
    await clerk.goto(`/workspace/report/${draft!.period}`);
    const groups = await clerk.locator('fieldset legend').allTextContents();
    for (const task of ['S1 谋划部署', 'T01 建立健全分层分类救助体系', 'T11 加大社会救助政策宣传力度'])
      expect(groups).toContain(task);
    const unlabelled = await clerk
      .locator('main input:not([type=hidden]), main select, main textarea')
      .evaluateAll((els) =>
        els.filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.outerHTML.slice(0, 80)),
      );
    expect(unlabelled).toEqual([]);
    await screenshot(clerk, 'report-form');
  });
});
