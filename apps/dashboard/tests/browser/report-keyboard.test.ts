import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { query } from './support/api';
import { launchChromium } from './support/browser';
import { openAs } from './support/session';

let browser: Browser;
let draft: { countyCode: string; period: string };
beforeAll(async () => {
  browser = await launchChromium();
  const admin = await openAs(browser, 'admin');
  const found = (await query<{ countyCode: string; period: string }[]>(admin, 'reports.list', { state: 'draft' })).at(
    -1,
  );
  if (!found) throw new Error('演示数据中应有草稿月报');
  draft = found;
  await admin.context().close();
});
afterAll(async () => {
  await browser?.close();
});

interface Stop {
  what: string;
  inPeriods: boolean;
  inHeader: boolean;
  isSubmit: boolean;
  /** Why the focused element is not fully seen, or '' when it is. */
  hidden: string;
}

/** The focused element: where it is, and whether the viewport shows all of it clear of the sticky action bar. */
function focusedStop(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    const r = e.getBoundingClientRect();
    const bar = document.querySelector('.report-actions');
    const barTop = bar && !bar.contains(e) ? bar.getBoundingClientRect().top : window.innerHeight;
    const faults = [
      r.top < 0 && `上缘 ${Math.round(r.top)}`,
      r.left < 0 && `左缘 ${Math.round(r.left)}`,
      r.right > window.innerWidth + 0.5 && `右缘 ${Math.round(r.right)}`,
      r.bottom > barTop + 0.5 && `下缘 ${Math.round(r.bottom)} 在操作栏（${Math.round(barTop)}）之下`,
      (r.width < 2 || r.height < 2) && '不可见',
    ].filter(Boolean);
    const label = e.getAttribute('aria-label') ?? e.id ?? '';
    return {
      what: `${e.tagName.toLowerCase()} ${label || (e.textContent ?? '').trim().slice(0, 20)}`,
      inPeriods: !!e.closest('nav.periods'),
      inHeader: !!e.closest('header'),
      isSubmit: e.tagName === 'BUTTON' && (e.textContent ?? '').trim() === '报送',
      hidden: faults.join('，'),
    };
  });
}

describe('the clerk’s report form by keyboard alone', () => {
  test.each([
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ])('at $width px every stop up to 报送 is fully in view, the periods are one stop', async (viewport) => {
    const page = await openAs(browser, `county${draft.countyCode}`, viewport);
    await page.goto(`/workspace/report/${draft.period}`);
    await page.waitForLoadState('networkidle');
    const stops: Stop[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const stop = await focusedStop(page);
      stops.push(stop);
      if (stop.isSubmit) break;
    }
    const hidden = stops.filter((s) => s.hidden).map((s) => `${s.what}：${s.hidden}`);
    console.log(
      `${viewport.width}px: ${stops.length} tab stops to 报送, ${stops.filter((s) => s.inHeader).length} in the header`,
    );
    expect(stops.at(-1)?.isSubmit, '按 Tab 应能到达“报送”').toBe(true);
    expect(hidden).toEqual([]);
    expect(stops.filter((s) => s.inPeriods)).toHaveLength(1);

    // The skip link comes first and jumps past the header: the next stop is inside the page's content.
    await page.goto(`/workspace/report/${draft.period}`);
    await page.keyboard.press('Tab');
    expect((await focusedStop(page)).what).toContain('跳到主要内容');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const next = await focusedStop(page);
    expect(next.inHeader).toBe(false);
    expect(next.inPeriods).toBe(true);

    // Arrow keys move among the periods; Tab then leaves them.
    await page.keyboard.press('ArrowLeft');
    expect((await focusedStop(page)).inPeriods).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focusedStop(page)).inPeriods).toBe(false);
    await page.context().close();
  });
});
