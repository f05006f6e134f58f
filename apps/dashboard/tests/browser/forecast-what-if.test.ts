import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { query } from './support/api';
import { axeViolations } from './support/axe';
import { launchChromium, screenshot } from './support/browser';
import { layoutFaults } from './support/layout';
import { openAs } from './support/session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// Two weeks before gate m2 (10-31): the demo has counties at each forecast state then. 池州市 (3417) has counties
// predicted to miss, at risk and on track, and 青阳县 (341723) is lagging both then and on the clock's day (11-20).
const asOf = '2021-10-15';
const city = '3417';
const lagging = '341723';
const wide = { width: 1366, height: 900 };

type State = 'on_track' | 'at_risk' | 'will_miss';
type GateForecast = { gate: string; deadline: string; state: State; method: string };
type Forecasts = { asOf: string; counties: { code: string; gates: GateForecast[]; state: State | null }[] };
type Overview = { counties: { code: string; name: string; cityCode: string; lagging: boolean }[] };
type WhatIf = { lagging: boolean; resolves: boolean; steps: { line: string; laggingAfter: boolean }[]; method: string };

const words: Record<State, string> = { will_miss: '预计逾期', at_risk: '有逾期风险', on_track: '可按期完成' };
const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * The counties the 预警 column puts at each state, from the API's raw rows: a county's state there is the worst of
 * its gates ahead (its targeted indicators are not in the column); counties with no gate ahead are not listed.
 */
function expectedByState(forecasts: Forecasts, overview: Overview): Record<State, { code: string; name: string }[]> {
  const out: Record<State, { code: string; name: string }[]> = { will_miss: [], at_risk: [], on_track: [] };
  for (const f of [...forecasts.counties].sort((a, b) => a.code.localeCompare(b.code))) {
    const county = overview.counties.find((c) => c.code === f.code);
    if (!county || f.gates.length === 0) continue;
    const states = new Set(f.gates.map((g) => g.state));
    const worst: State = states.has('will_miss') ? 'will_miss' : states.has('at_risk') ? 'at_risk' : 'on_track';
    out[worst].push({ code: county.code, name: county.name });
  }
  return out;
}

/** The rows the 预警 table shows: each county's code (from its link), name and the word in the 预警 column. */
async function shownRows(panel: Locator) {
  return panel.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const link = r.querySelector('th a')!;
      return {
        code: /\/county\/(\d{6})/.exec(link.getAttribute('href') ?? '')?.[1] ?? '',
        name: (link.textContent ?? '').trim(),
        word: (r.querySelector('td.state')?.textContent ?? '').trim(),
      };
    }),
  );
}

/** Turns the 预警 filter to each state in turn: the table lists exactly the expected counties, worded as the state. */
async function checkFilter(page: Page, expected: Record<State, { code: string; name: string }[]>) {
  const panel = page.getByRole('region', { name: '截止日预警' });
  await panel.getByRole('columnheader', { name: '预警', exact: true }).waitFor();
  const filter = panel.getByRole('combobox', { name: '按预警筛选县区' });
  const total = expected.will_miss.length + expected.at_risk.length + expected.on_track.length;
  expect((await filter.locator('option').allTextContents()).map((t) => t.trim())).toEqual([
    `全部（${total}）`,
    `预计逾期（${expected.will_miss.length}）`,
    `有逾期风险（${expected.at_risk.length}）`,
    `可按期完成（${expected.on_track.length}）`,
  ]);
  expect(await panel.locator('tbody tr').count()).toBe(total);
  for (const state of ['will_miss', 'at_risk'] as const) {
    await filter.selectOption(state);
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(expected[state].length);
    expect(await shownRows(panel)).toEqual(expected[state].map((c) => ({ ...c, word: words[state] })));
  }
  await filter.selectOption('');
  await expect.poll(() => panel.locator('tbody tr').count()).toBe(total);
}

describe('截止日预警 (forecast) on the overviews', () => {
  test('province: the 预警 filter lists exactly the counties whose gates the API forecasts to miss or at risk', async () => {
    const admin = await openAs(browser, 'admin', wide);
    await admin.goto(`/?asOf=${asOf}`);
    const forecasts = await query<Forecasts>(admin, 'status.forecast', { asOf });
    const overview = await query<Overview>(admin, 'status.overview', { asOf });
    const expected = expectedByState(forecasts, overview);
    expect(expected.will_miss.length, '10-15 应有预计逾期的县区').toBeGreaterThan(0);
    expect(expected.at_risk.length, '10-15 应有有逾期风险的县区').toBeGreaterThan(0);
    await checkFilter(admin, expected);

    // Each listed county's lines: one per gate ahead, with its deadline and its state in words.
    const panel = admin.getByRole('region', { name: '截止日预警' });
    await panel.getByRole('combobox', { name: '按预警筛选县区' }).selectOption('at_risk');
    for (const c of expected.at_risk) {
      const gates = forecasts.counties.find((f) => f.code === c.code)!.gates;
      const lines = await panel
        .locator('tbody tr')
        .filter({ has: admin.locator(`a[href^="/county/${c.code}"]`) })
        .locator('td.lines > div')
        .allTextContents();
      expect(lines).toHaveLength(gates.length);
      gates.forEach((g, i) => {
        expect(lines[i]).toContain(`：按当前进度：${monthDay(g.deadline)}预计`);
        expect(lines[i]).toContain(words[g.state]);
      });
    }
    await screenshot(admin, 'forecast-province-1366');
  });

  test('city: the officer’s 预警 filter lists exactly the city’s counties the API forecasts to miss or at risk', async () => {
    const officer = await openAs(browser, `city${city}`, wide);
    await officer.goto(`/city/${city}?asOf=${asOf}`);
    const forecasts = await query<Forecasts>(officer, 'status.forecast', { asOf, unit: city });
    const overview = await query<Overview>(officer, 'status.overview', { asOf, unit: city });
    expect(forecasts.counties.every((f) => f.code.startsWith(city))).toBe(true);
    const expected = expectedByState(forecasts, overview);
    expect(expected.will_miss.length).toBeGreaterThan(0);
    expect(expected.at_risk.length).toBeGreaterThan(0);
    await checkFilter(officer, expected);
    // A city's table has no 所属市 column: its counties are all its own.
    expect(
      await officer.getByRole('region', { name: '截止日预警' }).getByRole('columnheader', { name: '所属市' }).count(),
    ).toBe(0);
    await screenshot(officer, 'forecast-city-1366');
  });

  test('at 390 px the 预警 panel stays inside the screen, and axe finds nothing on the overviews that show it', async () => {
    const phone = { width: 390, height: 844 };
    for (const [who, path] of [
      ['admin', `/?asOf=${asOf}`],
      [`city${city}`, `/city/${city}?asOf=${asOf}`],
    ] as const) {
      const page = await openAs(browser, who, phone);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.getByRole('region', { name: '截止日预警' }).waitFor();
      await screenshot(page, `forecast-390-${who}`);
      const f = await layoutFaults(page);
      expect({ path, ...f, height: 0 }).toEqual({
        path,
        height: 0,
        overflowing: [],
        clipped: [],
        overlapping: [],
        phone: [],
      });
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the county page: 按当前进度 and 怎样脱离进展缓慢', () => {
  test('under each gate not yet met, the forecast line and how it was computed; the what-if steps with their method', async () => {
    const officer = await openAs(browser, `city${city}`, wide);
    await officer.goto(`/city/${city}?asOf=${asOf}`);
    const overview = await query<Overview>(officer, 'status.overview', { asOf, unit: city });
    const name = overview.counties.find((c) => c.code === lagging)!.name;
    expect(overview.counties.find((c) => c.code === lagging)!.lagging).toBe(true);
    await officer
      .getByRole('region', { name: /^进展缓慢县区/ })
      .getByRole('link', { name, exact: true })
      .click();
    await officer.waitForURL(new RegExp(`/county/${lagging}\\?asOf=${asOf}`));

    const status = await query<{ county: { gates: Record<string, string> } }>(officer, 'status.county', {
      asOf,
      code: lagging,
    });
    const forecast = (await query<Forecasts>(officer, 'status.forecast', { asOf, unit: lagging })).counties[0]!;
    const ahead = forecast.gates.filter((g) => status.county.gates[g.gate] !== 'met');
    expect(ahead.length, '10-15 青阳县应有未达成的节点').toBeGreaterThan(0);
    const gates = officer.getByRole('region', { name: '关键节点' });
    for (const g of ahead) {
      const line = gates.getByText(new RegExp(`^按当前进度：${monthDay(g.deadline)}预计`));
      expect(await line.count()).toBe(1);
      expect(await line.textContent()).toContain(words[g.state]);
      // The explanation follows the line.
      expect(await line.locator('xpath=following-sibling::span[1]').textContent()).toBe(g.method);
    }
    // A gate already met shows no forecast.
    const met = forecast.gates.filter((g) => status.county.gates[g.gate] === 'met');
    expect(await gates.getByText(/^按当前进度：/).count()).toBe(ahead.length);
    expect(met.length + ahead.length).toBe(forecast.gates.length);

    const whatIf = await query<WhatIf>(officer, 'status.whatIf', { asOf, countyCode: lagging });
    expect(whatIf).toMatchObject({ lagging: true, resolves: true });
    // Only the last step takes the county off the list.
    expect(whatIf.steps.map((s) => s.laggingAfter)).toEqual(whatIf.steps.map((_, i) => i < whatIf.steps.length - 1));
    const panel = officer.getByRole('region', { name: '怎样脱离进展缓慢' });
    const steps = (await panel.getByRole('listitem').allTextContents()).map((t) => t.trim());
    expect(steps).toEqual(whatIf.steps.map((s) => s.line));
    expect(steps.at(-1)).toMatch(/，脱离进展缓慢$/);
    expect(await panel.getByText(/^算法：/).textContent()).toBe(`算法：${whatIf.method}。`);
    await screenshot(officer, 'what-if-county-1366');
  });
});

describe('a 督办 order from the what-if', () => {
  test('the officer opens it from the lagging county’s page: its requirements are the what-if steps; issued, the API has them', async () => {
    const officer = await openAs(browser, `city${city}`, wide);
    // Orders are issued on the clock's day, so the officer works on today's figures.
    const today = (await query<{ today: string }>(officer, 'clock.get', {})).today;
    await officer.goto(`/city/${city}`);
    const overview = await query<Overview>(officer, 'status.overview', { asOf: today, unit: city });
    const county = overview.counties.find((c) => c.code === lagging)!;
    expect(county.lagging).toBe(true);
    const whatIf = await query<WhatIf>(officer, 'status.whatIf', { asOf: today, countyCode: lagging });
    expect(whatIf.resolves).toBe(true);
    expect(whatIf.steps.length).toBeGreaterThan(0);

    await officer
      .getByRole('region', { name: /^进展缓慢县区/ })
      .getByRole('link', { name: county.name, exact: true })
      .click();
    await officer.waitForURL(new RegExp(`/county/${lagging}`));
    const panel = officer.getByRole('region', { name: '怎样脱离进展缓慢' });
    const listed = (await panel.getByRole('listitem').allTextContents()).map((t) => t.trim());
    expect(listed).toEqual(whatIf.steps.map((s) => s.line));
    await panel.getByRole('link', { name: '据此下发督办单' }).click();
    await officer.waitForURL(new RegExp(`/city/${city}/dispatch\\?.*county=${lagging}.*whatif=1`));

    const issue = officer.getByRole('region', { name: '下发督办单' });
    const ticked = issue.getByRole('checkbox', { checked: true });
    expect(await ticked.count()).toBe(1);
    expect(await ticked.getAttribute('value')).toBe(lagging);
    const matter = await issue.getByLabel('督办内容').inputValue();
    // The page's list, numbered, one a line, in its order.
    const numbered = listed.map((line, i) => `${i + 1}. ${line}`);
    expect(matter.split('\n').filter((l) => /^\d+\. /.test(l))).toEqual(numbered);
    expect(matter.startsWith(`${county.name}进展缓慢`)).toBe(true);
    await screenshot(officer, 'what-if-dispatch-form-1366');

    await issue.getByRole('button', { name: '下发督办单' }).click();
    const issued = officer.getByText(/已下发督办单第 \d+ 号（1 个县区）/);
    await issued.waitFor();
    const id = Number(/第 (\d+) 号/.exec((await issued.textContent()) ?? '')?.[1]);
    const order = await query<{
      id: number;
      matter: string;
      issuerUnit: string;
      copies: { county: string }[];
    }>(officer, 'dispatch.get', { id });
    expect(order.issuerUnit).toBe(city);
    expect(order.copies.map((c) => c.county)).toEqual([lagging]);
    expect(order.matter.split('\n').filter((l) => /^\d+\. /.test(l))).toEqual(
      whatIf.steps.map((s, i) => `${i + 1}. ${s.line}`),
    );
  });

  test('opened from a past day’s what-if, the order is still issued today: its default deadline counts from the clock’s day', async () => {
    const officer = await openAs(browser, `city${city}`, wide);
    const today = (await query<{ today: string }>(officer, 'clock.get', {})).today;
    expect(asOf < today).toBe(true);
    const whatIf = await query<WhatIf>(officer, 'status.whatIf', { asOf, countyCode: lagging });
    await officer.goto(`/county/${lagging}?asOf=${asOf}`);
    await officer
      .getByRole('region', { name: '怎样脱离进展缓慢' })
      .getByRole('link', { name: '据此下发督办单' })
      .click();
    await officer.waitForURL(new RegExp(`/city/${city}/dispatch\\?asOf=${asOf}.*whatif=1`));
    const issue = officer.getByRole('region', { name: '下发督办单' });
    // The requirements are the viewed day's; the deadline is two weeks from the day the order goes out.
    const matter = await issue.getByLabel('督办内容').inputValue();
    expect(matter.split('\n').filter((l) => /^\d+\. /.test(l))).toEqual(
      whatIf.steps.map((s, i) => `${i + 1}. ${s.line}`),
    );
    expect(await issue.getByLabel('办理期限').inputValue()).toBe(twoWeeksOn(today));
    await issue.getByRole('button', { name: '下发督办单' }).click();
    const issued = officer.getByText(/已下发督办单第 \d+ 号（1 个县区）/);
    await issued.waitFor();
    const id = Number(/第 (\d+) 号/.exec((await issued.textContent()) ?? '')?.[1]);
    const order = await query<{ deadline: string; issuedOn: string; copies: { county: string }[] }>(
      officer,
      'dispatch.get',
      { id },
    );
    expect(order).toMatchObject({ deadline: twoWeeksOn(today), issuedOn: today, copies: [{ county: lagging }] });
  });
});

/** Two weeks after `day`, moved on past a weekend (no public holiday falls in the demo's late 2021 span used here). */
function twoWeeksOn(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 14);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
