import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { query, type StatusAnswer } from './support/api';
import { launchChromium, screenshot } from './support/browser';
import { openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** DOMAIN "Showing figures", written out here: half up to one decimal, never carried up onto the next whole number. */
function shownScore(score: number | null): string {
  if (score === null) return '—';
  const rounded = Math.round(score * 10) / 10;
  return (Math.floor(rounded) > Math.floor(score) ? Math.floor(score * 10) / 10 : rounded).toFixed(1);
}

async function asOfShown(page: Page): Promise<string> {
  return page.getByLabel('数据截至').inputValue();
}

/** Region fills of the map: one path per county shape; lagging counties get a second, hatched path on top. */
async function mapPaths(page: Page) {
  const map = page.getByRole('img', { name: /地图/ });
  await page.locator('[role="img"][aria-label*="地图"][data-rendered="true"]').waitFor();
  return map.evaluate((el) => {
    const regions = [...el.querySelectorAll('svg path')].filter((p) => p.getAttribute('stroke') === '#ffffff');
    return {
      plain: regions.filter((p) => !p.getAttribute('fill')?.startsWith('url(')).length,
      hatched: regions.filter((p) => p.getAttribute('fill')?.startsWith('url(')).length,
    };
  });
}

describe('province overview', () => {
  test('the map draws one shape per county with a boundary and lists the 15 development zones beside it', async () => {
    const page = await openAs(browser, 'viewer');
    const status = await query<StatusAnswer>(page, 'status.at', { asOf: await asOfShown(page) });
    const geo = (await (await page.request.get('/geo/34.json')).json()) as {
      features: { properties: { name: string } }[];
    };
    // 三山区 no longer exists: its shape is drawn as part of 弋江区, so one shape fewer than the package has.
    const countiesWithShape = geo.features.filter((f) => f.properties.name !== '三山区').length;

    const shapeless = page.getByRole('complementary', { name: /无边界数据的单位/ }).getByRole('listitem');
    expect(await shapeless.count()).toBe(15);
    expect(await shapeless.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('合肥高新技术产业开发区')]),
    );
    expect(countiesWithShape + 15).toBe(status.counties.length);

    const paths = await mapPaths(page);
    expect(paths.plain).toBe(countiesWithShape);
    const laggingShapeless = (await shapeless.allTextContents()).filter((t) => t.includes('进展缓慢')).length;
    expect(paths.hatched).toBe(status.counties.filter((c) => c.lagging).length - laggingShapeless);
  });

  test('hovering a county shows its score and reasons; clicking it opens the county page', async () => {
    const page = await openAs(browser, 'admin');
    await mapPaths(page);
    const status = await query<StatusAnswer>(page, 'status.at', { asOf: await asOfShown(page) });
    const map = page.getByRole('img', { name: /地图/ });
    const hatched = map.locator('svg path[fill^="url("]').first();
    await hatched.scrollIntoViewIfNeeded();
    const box = await hatched.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const tooltip = map.locator('div').filter({ hasText: '综合得分' }).last();
    await tooltip.waitFor();
    const text = (await tooltip.textContent()) ?? '';
    const name = await tooltip.locator('strong').textContent();
    const county = status.counties.find((c) => c.name === name);
    expect(county, text).toBeDefined();
    expect(text).toContain(`综合得分 ${shownScore(county!.score)}`);
    for (const r of county!.reasons) expect(text).toContain(r.text);
    expect(text).toContain(county!.lagging ? '进展缓慢' : '未列为进展缓慢');

    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.waitForURL(/\/county\/\d{6}/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(county!.name);
  });

  test('the lagging list is exactly the lagging counties of status.at, each with its reasons in Chinese', async () => {
    const page = await openAs(browser, 'admin');
    const status = await query<StatusAnswer>(page, 'status.at', { asOf: await asOfShown(page) });
    const lagging = status.counties.filter((c) => c.lagging);
    expect(lagging.length).toBeGreaterThan(0);

    const table = page.getByRole('table', { name: '全省进展缓慢县区及原因' });
    const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    expect(await rows.count()).toBe(lagging.length);
    // The county's name is its link; a note beside it (已催报 N 次, from another test's 催报) is not part of it.
    const names = await rows.getByRole('rowheader').getByRole('link').allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(lagging.map((c) => c.name).sort());
    for (const c of lagging) {
      const row = rows.filter({ has: page.getByRole('link', { name: c.name, exact: true }) });
      for (const r of c.reasons) expect(await row.textContent()).toContain(r.text);
    }
    expect(
      await page
        .getByRole('region', { name: /进展缓慢县区（/ })
        .getByRole('heading')
        .first()
        .textContent(),
    ).toContain(`${lagging.length} 个`);
    await screenshot(page, 'overview-1280');
  });

  test('changing the as-of date recomputes the page from the API', async () => {
    const page = await openAs(browser, 'viewer');
    const laggingCard = page.getByRole('region', { name: '进展缓慢县区', exact: true });
    const before = await laggingCard.textContent();

    await page.getByLabel('数据截至').fill('2021-11-01');
    await page.getByLabel('数据截至').press('Enter');
    await page.waitForURL(/asOf=2021-11-01/);
    await page.waitForLoadState('networkidle');
    const status = await query<StatusAnswer>(page, 'status.at', { asOf: '2021-11-01' });
    await expect.poll(() => laggingCard.textContent()).toContain(`${status.province!.laggingCount} 个`);
    expect(await laggingCard.textContent()).not.toBe(before);
    expect(await page.locator('main').textContent()).toContain('数据截至 2021年11月1日');

    // The day travels in the URL: the same link opened afresh shows the same figures.
    const shared = await openAs(browser, 'viewer');
    await shared.goto(page.url());
    expect(await shared.getByRole('region', { name: '进展缓慢县区', exact: true }).textContent()).toBe(
      await laggingCard.textContent(),
    );
  });

  test('按时报送 and the lagging count on the page are the metrics’ figures at three dates', async () => {
    const page = await openAs(browser, 'viewer');
    for (const asOf of ['2021-08-10', '2021-10-06', '2021-11-20']) {
      await page.goto(`/?asOf=${asOf}`);
      const status = await query<{
        province: {
          laggingCount: number;
          timeliness: { period: string; onTime: number; late: number; missing: number };
        };
        counties: unknown[];
      }>(page, 'status.at', { asOf });
      const t = status.province.timeliness;
      const card = page.getByRole('region', {
        name: `${t.period.slice(0, 4)}年${Number(t.period.slice(5))}月月报按时报送`,
      });
      expect(await card.textContent()).toContain(`${t.onTime} / ${status.counties.length}`);
      expect(await card.textContent()).toContain(`逾期报送 ${t.late} 个，未报送 ${t.missing} 个`);
      // every county is in exactly one of the three
      expect(t.onTime + t.late + t.missing).toBe(status.counties.length);
      expect(await page.getByRole('region', { name: '进展缓慢县区', exact: true }).textContent()).toContain(
        `${status.province.laggingCount} 个`,
      );
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'overview-timeliness-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'overview-timeliness-390');
  });

  test('a day outside the campaign is moved to the nearest offered day', async () => {
    const page = await openAs(browser, 'viewer');
    // The demo's campaign clock stands at 2021-11-20: no later day can be shown.
    await page.goto('/?asOf=2023-05-01');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2021-11-20');
    await page.goto('/?asOf=2021-06-01');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2021-07-01');
  });

  test('the overview fills a 1920-wide screen', async () => {
    const page = await openAs(browser, 'admin', { width: 1920, height: 1080 });
    await mapPaths(page);
    const box = await page.locator('main').boundingBox();
    expect(box?.width).toBeGreaterThan(1700);
    await screenshot(page, 'overview-1920');
  });
});

describe('county page', () => {
  test('shows every task’s indicators with status in words, the gates, the roster and a chosen indicator’s trend and history', async () => {
    const page = await openAs(browser, 'city3403');
    await page.goto('/county/340321');
    const main = page.locator('main');
    for (const task of [
      'T01 建立健全分层分类救助体系',
      'T10 加强基层社会救助经办能力',
      'T11 加大社会救助政策宣传力度',
    ]) {
      expect(await main.textContent()).toContain(task);
    }
    expect(await page.getByRole('region', { name: '关键节点', exact: true }).textContent()).toContain(
      '村级协理员全覆盖',
    );
    expect(await page.getByRole('region', { name: '村级台账', exact: true }).textContent()).toContain('配备率');

    await page.getByRole('link', { name: '其中签订照料服务协议人数' }).click();
    await page.waitForURL(/indicator=t09_care_agreements/);
    const trend = page.getByRole('region', { name: /所选指标：其中签订照料服务协议人数/ });
    await trend
      .getByRole('img', { name: /趋势折线图/ })
      .locator('svg')
      .waitFor();
    expect(await trend.textContent()).toContain('序时进度');
    expect(await trend.getByRole('table', { name: '修改记录' }).getByRole('row').count()).toBeGreaterThan(1);

    await page.getByRole('radio', { name: /未配备协理员/ }).check();
    expect(await page.getByRole('table', { name: /村（社区）台账明细，未配备协理员/ }).count()).toBe(1);
    await screenshot(page, 'county-340321');
  });
});
