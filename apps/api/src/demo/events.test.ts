import { endOfBeijingDay, periodDue, periodEnd } from '@dudao/schema/campaign';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { describe, expect, test } from 'vitest';
import { generateDemo } from './generate';
import { provinceTree, smallTree } from './test-trees';
import type { DemoReport } from './types';

const anhui2021 = builtinCampaign('anhui-2021');

const small = generateDemo(smallTree(), anhui2021);
const province = generateDemo(provinceTree(), anhui2021, 11);
const all = [...small.reports, ...province.reports];
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/;
const firstSubmit = (r: DemoReport) => r.events.find((e) => e.action === 'submit');
const day = (at: string) => at.slice(0, 10);
const minute = (at: string) => Number(at.slice(11, 13)) * 60 + Number(at.slice(14, 16));

describe('report workflow events', () => {
  test('every report of every county and period is present', () => {
    expect(small.reports).toHaveLength(4 * anhui2021.periods.length);
    expect(small.reports.map((r) => r.period).slice(0, 6)).toEqual(anhui2021.periods);
  });

  test('events are Beijing instants in strictly increasing order, none before the period has ended', () => {
    const problems: string[] = [];
    for (const r of all) {
      let last = Date.parse(endOfBeijingDay(periodEnd(r.period)));
      for (const e of r.events) {
        if (!instantPattern.test(e.at)) problems.push(`${r.countyCode} ${r.period} ${e.at}`);
        if (Date.parse(e.at) <= last) problems.push(`${r.countyCode} ${r.period} ${e.action} out of order`);
        last = Date.parse(e.at);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the workflow follows draft → submitted → (returned → edit → submitted) → approved → accepted', () => {
    const allowed = /^submit(,return,edit,submit)?(,approve(,accept)?)?$/;
    for (const r of all)
      if (r.events.length > 0)
        expect(r.events.map((e) => e.action).join(','), `${r.countyCode} ${r.period}`).toMatch(allowed);
  });

  test('a return carries a Chinese reason and the edit changes at least one field', () => {
    const returned = all.filter((r) => r.events.some((e) => e.action === 'return'));
    expect(returned.length).toBeGreaterThan(0);
    for (const r of returned) {
      const ret = r.events.find((e) => e.action === 'return');
      const edit = r.events.find((e) => e.action === 'edit');
      expect(ret?.action === 'return' && /[\u4e00-\u9fa5]{6,}/.test(ret.reason)).toBe(true);
      expect(edit?.action === 'edit' && Object.entries(edit.values).some(([field, v]) => r.values[field] !== v)).toBe(
        true,
      );
    }
  });

  test('everything happens in office hours (09:00–18:00)', () => {
    const minutes = all.flatMap((r) => r.events.map((e) => minute(e.at)));
    expect(minutes.filter((m) => m < 9 * 60 || m >= 18 * 60)).toEqual([]);
  });

  test('December is submitted in early January 2022', () => {
    const december = province.reports
      .filter((r) => r.period === '2021-12')
      .map(firstSubmit)
      .filter((e) => e !== undefined);
    const early = december.filter((e) => day(e.at) >= '2022-01-01' && day(e.at) <= '2022-01-05');
    expect(early.length / december.length).toBeGreaterThan(0.8);
  });
});

describe('submission shares on a province-sized tree', () => {
  const reports = province.reports;
  const share = (f: (r: DemoReport) => boolean) => reports.filter(f).length / reports.length;

  test('about 3 % are never submitted but keep their draft values', () => {
    const never = reports.filter((r) => r.events.length === 0);
    expect(never.length / reports.length).toBeGreaterThan(0.01);
    expect(never.length / reports.length).toBeLessThan(0.06);
    for (const r of never) expect(r.values.t01_dibao_rural).toMatch(/^\d+$/);
  });

  test('about 10 % are late, by 1 to 12 days; the rest arrive on or before the due date', () => {
    const lateness = reports.flatMap((r) => {
      const first = firstSubmit(r);
      return first ? [(Date.parse(day(first.at)) - Date.parse(periodDue(r.period, 5))) / 86_400_000] : [];
    });
    const late = lateness.filter((d) => d > 0);
    expect(late.length / lateness.length).toBeGreaterThan(0.05);
    expect(late.length / lateness.length).toBeLessThan(0.15);
    expect(Math.max(...late)).toBeLessThanOrEqual(12);
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(-4);
  });

  test('about 8 % are returned; most are approved, periods up to October mostly accepted', () => {
    const has = (action: string) => (r: DemoReport) => r.events.some((e) => e.action === action);
    expect(share(has('return'))).toBeGreaterThan(0.04);
    expect(share(has('return'))).toBeLessThan(0.12);
    expect(share(has('approve'))).toBeGreaterThan(0.85);
    const upToOctober = reports.filter((r) => r.period <= '2021-10');
    expect(upToOctober.filter(has('accept')).length / upToOctober.length).toBeGreaterThan(0.7);
    expect(reports.filter((r) => r.period === '2021-12' && has('accept')(r))).toEqual([]);
  });
});
