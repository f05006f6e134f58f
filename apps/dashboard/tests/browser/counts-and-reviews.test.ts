import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mutate, query } from './support/api';
import { launchChromium } from './support/browser';
import { openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Clicks each count of an overview that has a list on the page (进展缓慢县区 N 个, 未报送 M 个) and counts the rows of
 * the list the click lands on: the count and the list come from one metrics answer, so they must agree.
 */
async function clickCountsAndCountRows(page: Page, laggingCaption: string) {
  const laggingCard = page.getByRole('region', { name: '进展缓慢县区', exact: true });
  const laggingLink = laggingCard.getByRole('link', { name: /^\d+ 个$/ });
  const lagging = Number(/^(\d+)/.exec((await laggingLink.textContent()) ?? '')?.[1]);
  await laggingLink.click();
  expect(new URL(page.url()).hash).toBe('#lagging-title');
  // Rows on screen (a role query skips hidden ones): the link shows the whole list, not its first rows.
  const laggingRows = await page
    .getByRole('table', { name: laggingCaption })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') })
    .count();

  const reportCard = page.getByRole('region', { name: /月报按时报送$/ });
  const missingLink = reportCard.getByRole('link', { name: /^未报送 \d+ 个$/ });
  const missing = Number(/(\d+)/.exec((await missingLink.textContent()) ?? '')?.[1]);
  await missingLink.click();
  expect(new URL(page.url()).hash).toBe('#missing-title');
  const list = page.getByRole('region', { name: /^未报送事项/ });
  const heading = /（(\d+) 项）/.exec((await list.getByRole('heading').first().textContent()) ?? '');
  const items = list.getByRole('listitem');
  return {
    lagging,
    laggingRows,
    missing,
    reportRows: await items.filter({ hasText: '月报未报送' }).count(),
    heading: Number(heading?.[1]),
    rows: await items.count(),
  };
}

interface Brief {
  code: string;
  lagging: boolean;
}

const widths = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
];

describe('counts equal their lists (DOMAIN "Timeliness", issue 21 item 4)', () => {
  test.each(widths)(
    'at $width px, province and city overviews: each count is a link to its list, and the list has that many rows',
    async (viewport) => {
      const admin = await openAs(browser, 'admin', viewport);
      const { today } = await query<{ today: string }>(admin, 'clock.get', {});
      const status = await query<{
        counties: Brief[];
        cities: { code: string; timeliness: { missing: number } }[];
      }>(admin, 'status.at', { asOf: today });
      // Counted here from the per-county answer, apart from the page's own counts.
      const laggingInProvince = status.counties.filter((c) => c.lagging).length;

      await admin.goto(`/?asOf=${today}`);
      const province = await clickCountsAndCountRows(admin, '全省进展缓慢县区及原因');
      expect(province.lagging).toBe(laggingInProvince);
      expect(province.laggingRows).toBe(laggingInProvince);
      expect(province.missing).toBe(status.cities.reduce((n, c) => n + c.timeliness.missing, 0));
      expect(province.reportRows).toBe(province.missing);
      expect(province.rows).toBe(province.heading);

      // A city that still owes reports and has a lagging county that day, so both its lists are there to count.
      const city = status.cities.find(
        (c) => c.timeliness.missing > 0 && status.counties.some((k) => k.lagging && k.code.startsWith(c.code)),
      )!;
      const laggingInCity = status.counties.filter((k) => k.lagging && k.code.startsWith(city.code)).length;
      const officer = await openAs(browser, `city${city.code}`, viewport);
      const { name } = await query<{ name: string }>(officer, 'units.get', { code: city.code });
      await officer.goto(`/city/${city.code}?asOf=${today}`);
      const seen = await clickCountsAndCountRows(officer, `${name}进展缓慢县区、原因及实地督导节点`);
      expect(seen.lagging).toBe(laggingInCity);
      expect(seen.laggingRows).toBe(laggingInCity);
      expect(seen.missing).toBe(city.timeliness.missing);
      expect(seen.reportRows).toBe(seen.missing);
      expect(seen.rows).toBe(seen.heading);
    },
  );
});

describe('a report sent on time and then returned (DOMAIN "Timeliness")', () => {
  test('stays counted as sent on time and is not listed as unsent, on both overviews at both widths', async () => {
    // 全椒县's October report was first sent on 11-02, three days before its 11-05 deadline, and awaits 滁州市.
    const county = '341124';
    const city = '3411';
    const officer = await openAs(browser, `city${city}`, widths[0]);
    const { today } = await query<{ today: string }>(officer, 'clock.get', {});
    const report = await query<{ state: string; version: number; firstSubmittedAt: string }>(officer, 'reports.get', {
      countyCode: county,
      period: '2021-10',
    });
    expect(report.state).toBe('submitted');
    expect(report.firstSubmittedAt < '2021-11-05').toBe(true);
    const timeliness = async () =>
      (
        await query<{ cities: { code: string; timeliness: { onTime: number; missing: number } }[] }>(
          officer,
          'status.at',
          { asOf: today, unit: city },
        )
      ).cities.find((c) => c.code === city)!.timeliness;
    const before = await timeliness();

    await mutate(officer, 'reports.return', {
      countyCode: county,
      period: '2021-10',
      version: report.version,
      reason: '请核实临时救助人次后重新报送。',
    });
    expect(
      (await query<{ state: string }>(officer, 'reports.get', { countyCode: county, period: '2021-10' })).state,
    ).toBe('returned');
    // Returned is not unsent: the county sent it on time, so both counts stay where they were.
    expect(await timeliness()).toEqual(before);

    const { name } = await query<{ name: string }>(officer, 'units.get', { code: county });
    for (const viewport of widths) {
      for (const [user, path] of [
        ['admin', `/?asOf=${today}`],
        [`city${city}`, `/city/${city}?asOf=${today}`],
      ] as const) {
        const page = await openAs(browser, user, viewport);
        await page.goto(path);
        const card = page.getByRole('region', { name: /月报按时报送$/ });
        await card.waitFor();
        const missing = card.getByRole('link', { name: /^未报送 \d+ 个$/ });
        const shown =
          (await missing.count()) === 0 ? 0 : Number(/(\d+)/.exec((await missing.textContent()) ?? '')?.[1]);
        // The list is there only when something is unsent; either way the returned county is not in it.
        const list = page.getByRole('region', { name: /^未报送事项/ });
        const listed = (await list.count()) === 0 ? '' : ((await list.textContent()) ?? '');
        expect(listed, `${user} ${viewport.width}px`).not.toContain(name);
        expect(shown, `${user} ${viewport.width}px`).toBe(
          (await list.count()) === 0 ? 0 : await list.getByRole('listitem').filter({ hasText: '月报未报送' }).count(),
        );
        await page.context().close();
      }
    }
  });
});

type Figure = 'issued' | 'closedOnTime' | 'overdue' | 'redNow';
type Copy = { county: string; state: string; light: string; overdue: boolean };
const figures: [Figure, string][] = [
  ['issued', '下发'],
  ['closedOnTime', '按期办结'],
  ['overdue', '逾期'],
  ['redNow', '当前红灯'],
];

/** The 督办 figures counted here from the orders' copies as dispatch.list gives them, apart from the page's counts. */
async function copiesCounted(page: Page, asOf: string, unit?: string): Promise<Record<Figure, number>> {
  const orders = await query<{ copies: Copy[] }[]>(page, 'dispatch.list', { asOf, ...(unit ? { unit } : {}) });
  const copies = orders.flatMap((o) => o.copies);
  return {
    issued: copies.length,
    closedOnTime: copies.filter((c) => c.state === 'closed' && !c.overdue).length,
    overdue: copies.filter((c) => c.overdue).length,
    redNow: copies.filter((c) => c.light === 'red').length,
  };
}

/**
 * On the overview at `overview`, each 督办 figure above 0 is a link; it lands on the 督办 page listing that many county
 * copies under a heading that says so, with a 显示全部 that lifts the filter. A figure of 0 is no link.
 */
async function followDispatchFigures(page: Page, overview: string, expected: Record<Figure, number>, asOf: string) {
  const followed: Figure[] = [];
  for (const [figure, name] of figures) {
    await page.goto(overview);
    const panel = page.getByRole('region', { name: '督办单', exact: true });
    const link = panel.getByRole('link', { name: new RegExp(`^${name} \\d+ 件次$`) });
    if (expected[figure] === 0) {
      expect(await link.count(), `${name} 为 0，不应是链接`).toBe(0);
      continue;
    }
    expect(Number(await link.textContent())).toBe(expected[figure]);
    await link.click();
    await page.waitForURL((u) => u.searchParams.get('show') === figure);
    const url = new URL(page.url());
    expect(url.searchParams.get('asOf')).toBe(asOf);
    expect(url.hash).toBe('#orders-title');
    const list = page.getByRole('region', { name: /件次）$/ });
    const heading = /（(\d+) 件次）$/.exec((await list.getByRole('heading').first().textContent()) ?? '');
    const rows = list.getByRole('list', { name: '本单各县区件次' }).getByRole('listitem');
    expect(Number(heading?.[1]), `${name}：标题中的件次`).toBe(expected[figure]);
    expect(await rows.count(), `${name}：列出的县区件次`).toBe(expected[figure]);
    // The filter says what it keeps and can be lifted.
    await list.getByRole('link', { name: '显示全部' }).click();
    await page.waitForURL((u) => !u.searchParams.has('show'));
    await page.getByRole('region', { name: /^督办单（\d+ 件）$/ }).waitFor();
    expect(await page.getByRole('list', { name: '本单各县区件次' }).getByRole('listitem').count()).toBe(
      expected.issued,
    );
    followed.push(figure);
  }
  return followed;
}

describe('督办 figures equal their lists (issue “Every role on a phone and by keyboard”, point 4)', () => {
  test('province and city overviews: each 督办 figure above 0 opens the list of exactly the copies it counts', async () => {
    const admin = await openAs(browser, 'admin');
    const { today } = await query<{ today: string }>(admin, 'clock.get', {});
    // One order to two counties of 阜阳市, one copy answered and closed: figures above 0 on both overviews, whatever
    // other files issued before this one. Counties neither lagging nor used by another file's 督办 story.
    const city = '3412';
    const status = await query<{ counties: Brief[] }>(admin, 'status.at', { asOf: today });
    const [first, second] = status.counties.filter((c) => c.code.startsWith(city) && !c.lagging).map((c) => c.code);
    expect(second, '阜阳市应有两个未列为进展缓慢的县区').toBeDefined();
    const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
    const { id } = await mutate<{ id: number }>(admin, 'dispatch.issue', {
      counties: [first, second],
      title: '核查低保复核台账',
      matter: '请核查本县区低保复核台账的完整性，按期反馈。',
      level: 'normal',
      deadline,
    });
    const clerk = await openAs(browser, `county${first}`);
    await mutate(clerk, 'dispatch.sign', { id, county: first });
    await mutate(clerk, 'dispatch.feedback', { id, county: first, text: '已核查并补齐台账。', askClose: true });
    await mutate(admin, 'dispatch.close', { id, county: first });

    const province = await copiesCounted(admin, today);
    expect(province.issued).toBeGreaterThanOrEqual(2);
    expect(province.closedOnTime).toBeGreaterThanOrEqual(1);
    const followed = await followDispatchFigures(admin, `/?asOf=${today}`, province, today);
    expect(followed).toEqual(expect.arrayContaining(['issued', 'closedOnTime']));

    const officer = await openAs(browser, `city${city}`);
    const inCity = await copiesCounted(officer, today, city);
    expect(inCity.issued).toBeGreaterThanOrEqual(2);
    await followDispatchFigures(officer, `/city/${city}?asOf=${today}`, inCity, today);

    // The same figures and lists on a phone, where the lists are cut to their first rows until 显示全部.
    const phone = { width: 390, height: 844 };
    const adminPhone = await openAs(browser, 'admin', phone);
    expect(await followDispatchFigures(adminPhone, `/?asOf=${today}`, province, today)).toEqual(followed);
    const officerPhone = await openAs(browser, `city${city}`, phone);
    await followDispatchFigures(officerPhone, `/city/${city}?asOf=${today}`, inCity, today);
  });

  test('on a phone the province’s lagging list shows its first 10 rows until 显示全部; the count’s link shows all', async () => {
    const page = await openAs(browser, 'admin', { width: 390, height: 844 });
    const { today } = await query<{ today: string }>(page, 'clock.get', {});
    const status = await query<{ counties: Brief[] }>(page, 'status.at', { asOf: today });
    const lagging = status.counties.filter((c) => c.lagging).length;
    expect(lagging, '演示数据中全省进展缓慢县区应多于 10 个').toBeGreaterThan(10);
    await page.goto(`/?asOf=${today}`);
    const region = page.getByRole('region', { name: /^进展缓慢县区（/ });
    expect(await region.getByRole('heading').first().textContent()).toContain(`（${lagging} 个）`);
    const rows = region
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') });
    expect(await rows.count()).toBe(10);
    await region.getByRole('button', { name: `显示全部 ${lagging} 项` }).click();
    await expect.poll(() => rows.count()).toBe(lagging);
    await region.getByRole('button', { name: '只显示前 10 项' }).click();
    await expect.poll(() => rows.count()).toBe(10);
    await page.getByRole('region', { name: '进展缓慢县区', exact: true }).getByRole('link').click();
    expect(new URL(page.url()).hash).toBe('#lagging-title');
    await expect.poll(() => rows.count()).toBe(lagging);
  });
});

describe('a reviewer opens the report before deciding', () => {
  test.each(widths)(
    'at $width px the city inbox offers no decision, only 打开审核, and refuses a decision posted to it',
    async (viewport) => {
      const page = await openAs(browser, 'city3403', viewport);
      const { today } = await query<{ today: string }>(page, 'clock.get', {});
      await page.goto(`/city/3403/inbox?asOf=${today}`);
      const waiting = await query<{ countyCode: string; period: string; version: number; state: string }[]>(
        page,
        'reports.list',
        { unit: '3403', state: 'submitted', asOf: today },
      );
      expect(waiting.length).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: /^审核通过|^退回/ }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /^打开审核/ }).count()).toBe(waiting.length);

      const r = waiting[0]!;
      const posted = await page.request.post('/city/3403/inbox?/approve', {
        form: { countyCode: r.countyCode, period: r.period, version: String(r.version) },
        headers: { origin: new URL(page.url()).origin },
      });
      expect(posted.status()).toBeGreaterThanOrEqual(400);
      const after = await query<{ state: string }>(page, 'reports.get', { countyCode: r.countyCode, period: r.period });
      expect(after.state).toBe('submitted');
    },
  );
});
