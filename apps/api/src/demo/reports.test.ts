import { endOfBeijingDay, periodDue, periodEnd } from '@dudao/schema/campaign';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { describe, expect, test } from 'vitest';
import { generateDemo } from './generate';
import { byCounty, finalValues, provinceTree, smallTree, submittedVersions } from './test-trees';

const anhui2021 = builtinCampaign('anhui-2021');

const tree = smallTree();
const plans = [generateDemo(tree, anhui2021), generateDemo(provinceTree(), anhui2021, 7)];
const townshipCount = (code: string, t = tree) => t.townships.filter((x) => x.countyCode === code).length;
const reportDefs = anhui2021.indicators.filter((d) => d.source === 'report');

// DOMAIN.md, "Validation": parts never exceed their wholes.
const parts: [string, string][] = [
  ['t02_incapable_covered', 't02_incapable_identified'],
  ['t04_warnings_handled', 't04_warnings_issued'],
  ['t05_hotline_orders_on_time', 't05_hotline_orders'],
  ['t09_care_agreements', 't09_dispersed_tekun'],
  ['t03_nonlocal_cases', 't03_temp_aid_cases'],
  ['t03_advance_aid_cases', 't03_temp_aid_cases'],
];
const formats: Record<string, RegExp> = {
  count: /^\d+$/,
  amount: /^\d+\.\d{2}$/,
  days: /^\d+\.\d$/,
  bool: /^(true|false)$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

describe('every submitted report passes validation', () => {
  test.each([0, 1])('plan %i', (which) => {
    const t = which === 0 ? tree : provinceTree();
    const problems: string[] = [];
    let checked = 0;
    for (const report of plans[which]!.reports) {
      const name = t.counties.find((c) => c.code === report.countyCode)!.name;
      const townships = townshipCount(report.countyCode, t);
      for (const { values } of submittedVersions(report)) {
        checked++;
        const fail = (what: string) => problems.push(`${report.countyCode} ${report.period}: ${what}`);
        const n = (code: string) => Number(values[code]);
        for (const def of reportDefs) {
          const v = values[def.code];
          if (def.target && (v === null || v === undefined)) fail(`${def.code} is targeted but blank`);
          if (v != null && !formats[def.kind]!.test(v)) fail(`${def.code} = ${v} is not a ${def.kind}`);
        }
        for (const [part, whole] of parts) if (n(part) > n(whole)) fail(`${part} > ${whole}`);
        if (n('t03_townships_with_reserve') > townships) fail('t03_townships_with_reserve > townships');
        if (n('t06_townships_delegated') > townships) fail('t06_townships_delegated > townships');
        if (!(n('t06_avg_processing_days') >= 0 && n('t06_avg_processing_days') <= 120))
          fail('t06_avg_processing_days outside 0–120');
        for (let i = 1; i <= 11; i++) {
          const text = values[`narrative.T${String(i).padStart(2, '0')}`] ?? '';
          if (!text.startsWith(name) || !text.endsWith('。')) fail(`narrative T${i}: ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(which === 0 ? 15 : 600);
  });
});

describe('flows and outliers', () => {
  const flows = reportDefs.filter((d) => d.accumulation === 'flow').map((d) => d.code);
  const stocks = reportDefs.filter((d) => d.accumulation === 'stock').map((d) => d.code);

  test.each([0, 1])('flows never decrease from one period to the next, in any version (plan %i)', (which) => {
    const problems: string[] = [];
    for (const reports of byCounty(plans[which]!.reports)) {
      for (let i = 1; i < reports.length; i++) {
        const before = finalValues(reports[i - 1]!);
        for (const version of [reports[i]!.values, finalValues(reports[i]!)]) {
          for (const code of flows)
            if (Number(version[code]) < Number(before[code]))
              problems.push(`${reports[i]!.countyCode} ${reports[i]!.period} ${code}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test.each([0, 1])('a stock moving more than 50 % from the previous period carries a comment (plan %i)', (which) => {
    const problems: string[] = [];
    let outliers = 0;
    for (const reports of byCounty(plans[which]!.reports)) {
      for (let i = 1; i < reports.length; i++) {
        const before = finalValues(reports[i - 1]!);
        for (const version of [reports[i]!.values, finalValues(reports[i]!)]) {
          for (const code of stocks) {
            const [b, a] = [Number(before[code]), Number(version[code])];
            const moved = b === 0 ? a !== 0 : Math.abs(a - b) / b > 0.5;
            if (!moved) continue;
            outliers++;
            if (!/[\u4e00-\u9fa5]/.test(reports[i]!.comments[code] ?? ''))
              problems.push(`${reports[i]!.countyCode} ${reports[i]!.period} ${code}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(outliers).toBeGreaterThan(0);
  });
});

describe('the county plan date (gate m1)', () => {
  test('is a date in July, never after the first submission, late (after 07-15) for a few counties', () => {
    const reports = plans[1]!.reports.filter((r) => r.period === '2021-07');
    const late = reports.filter((r) => (r.values.s1_plan_issued_on ?? '') > '2021-07-15');
    for (const r of reports) {
      expect(r.values.s1_plan_issued_on! >= '2021-07-01' && r.values.s1_plan_issued_on! <= periodEnd('2021-07')).toBe(
        true,
      );
      const first = r.events[0];
      if (first)
        expect(Date.parse(first.at)).toBeGreaterThanOrEqual(Date.parse(endOfBeijingDay(r.values.s1_plan_issued_on!)));
    }
    expect(late.length / reports.length).toBeGreaterThan(0.01);
    expect(late.length / reports.length).toBeLessThan(0.12);
  });

  test('due dates are the 5th day after the period (2021-07 → 2021-08-05, 2021-12 → 2022-01-05)', () => {
    expect(periodDue('2021-07', anhui2021.reportDueAfterDays)).toBe('2021-08-05');
    expect(periodDue('2021-12', anhui2021.reportDueAfterDays)).toBe('2022-01-05');
  });
});
