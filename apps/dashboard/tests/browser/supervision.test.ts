import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
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

interface VisitRow {
  countyCode: string;
  visitedOn: string;
  items: { description: string; status: string; evidence: string | null }[];
}

describe('supervision (督导)', () => {
  test.each([
    { county: '340322', name: '五河县', viewport: { width: 1366, height: 900 } },
    { county: '340304', name: '禹会区', viewport: { width: 390, height: 844 } },
  ])(
    'at $viewport.width px the city officer records a visit, adds a rectification item and closes it (销号) with evidence',
    async ({ county, name, viewport }) => {
      const page = await openAs(browser, 'city3403', viewport);
      await openHeaderMenu(page);
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督导' }).click();
      await page.waitForURL(/\/city\/3403\/supervision/);
      expect(await page.getByRole('region', { name: /^须实地督导的县区（/ }).textContent()).toContain('按期完成');

      await page.getByLabel('督导县区').selectOption(county);
      await page.getByLabel('督导日期').fill('2021-11-20');
      await page.getByLabel('督导人员').fill('市民政局督导组 王某某等2人');
      await page.getByLabel('发现的问题').fill(`${name}村级台账更新不及时。`);
      await page.getByRole('button', { name: '记录督导' }).click();
      await page.getByText('已记录2021年11月20日的督导').waitFor();

      const visit = page.getByRole('article').filter({ hasText: `${name}村级台账更新不及时。` });
      await visit.getByText('添加整改事项').click();
      await visit.getByLabel('整改事项').fill('一周内更新全部村（社区）台账');
      await visit.getByLabel('责任单位或责任人').fill('县民政局社会救助股');
      await visit.getByLabel('整改期限').fill('2021-11-27');
      await visit.getByRole('button', { name: '添加' }).click();
      await visit.getByText('已添加整改事项').waitFor();

      await visit.getByLabel('整改佐证（销号必填）').fill('已更新台账，佐证材料已存档。');
      await visit.getByRole('button', { name: '销号：一周内更新全部村（社区）台账' }).click();
      await confirmIn(page, '确认销号');
      await visit.getByText('已更新台账，佐证材料已存档。').waitFor();
      await screenshot(page, `supervision-3403-${viewport.width}`);

      const visits = await query<VisitRow[]>(page, 'supervision.list', { unit: county });
      const recorded = visits.find((v) => v.visitedOn === '2021-11-20');
      expect(recorded?.items).toEqual([
        expect.objectContaining({
          description: '一周内更新全部村（社区）台账',
          status: 'done',
          evidence: '已更新台账，佐证材料已存档。',
        }),
      ]);
    },
  );

  test('the province viewer reads the records but gets no forms', async () => {
    const page = await openAs(browser, 'viewer');
    await page.goto('/city/3403/supervision');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('蚌埠市');
    expect(await page.getByRole('button', { name: '记录督导' }).count()).toBe(0);
  });
});
