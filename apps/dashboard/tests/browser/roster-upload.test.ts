import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { query } from './support/api';
import { launchChromium, screenshot } from './support/browser';
import { openAs, openHeaderMenu } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface RosterNow {
  upload: { id: number; rowCount: number; fileName: string } | null;
  rows: {
    villageCode: string;
    villageName: string;
    longTermRecipients: number;
    civilAffairsMember: boolean;
    coordinators: number;
    coordinatorsFullTime: number;
    coordinatorPay: number | null;
    stations: number;
  }[];
}

const header =
  '村（社区）代码,村（社区）名称,常年救助对象人数,明确民政工作负责人,社会救助协理员人数,其中专职人数,协理员月均报酬（元）,社会救助服务站（点）数';

describe('roster upload', () => {
  test.each([
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ])(
    'at $width px a file with one bad row shows that row’s error and leaves the roster as it was',
    async (viewport) => {
      const page = await openAs(browser, 'county340321', viewport);
      const before = await query<RosterNow>(page, 'roster.current', { countyCode: '340321' });
      expect(before.upload).not.toBeNull();

      const lines = before.rows.map((r, i) =>
        [
          r.villageCode,
          r.villageName,
          r.longTermRecipients,
          r.civilAffairsMember ? '是' : '否',
          i === 2 ? '三' : r.coordinators,
          r.coordinatorsFullTime,
          r.coordinatorPay ?? '',
          r.stations,
        ].join(','),
      );
      // On a phone the navigation folds behind 菜单.
      await openHeaderMenu(page);
      await page.getByRole('link', { name: '村级台账' }).click();
      await page.getByLabel('选择台账文件').setInputFiles({
        name: '台账-有误.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${header}\n${lines.join('\n')}\n`),
      });
      await page.getByRole('button', { name: '上传' }).click();

      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('未写入任何数据');
      expect(text).toContain('第 4 行');
      expect(text).toContain('社会救助协理员人数');
      await screenshot(page, `roster-upload-error-${viewport.width}`);

      const after = await query<RosterNow>(page, 'roster.current', { countyCode: '340321' });
      expect(after.upload).toEqual(before.upload);
      expect(after.rows).toEqual(before.rows);
    },
  );

  test('the template downloads as an xlsx named for the county', async () => {
    const page = await openAs(browser, 'county340321');
    await page.getByRole('link', { name: '村级台账' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载本县台账模板/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });
});
