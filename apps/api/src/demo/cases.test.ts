import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { describe, expect, test } from 'vitest';
import { generateDemo } from './generate';
import { provinceTree } from './test-trees';
import { workingDaysBetween } from './workdays';

const anhui2021 = builtinCampaign('anhui-2021');

const tree = provinceTree();
const logs = generateDemo(tree, anhui2021, 3).caseLogs;

describe('working days (State Council calendar, 2021)', () => {
  test.each([
    ['2021-07-01', '2021-07-08', 5],
    ['2021-09-17', '2021-09-22', 2], // Sat 09-18 worked, 09-19..21 Mid-Autumn
    ['2021-09-30', '2021-10-11', 3], // 10-01..07 National Day; Fri 10-08, Sat 10-09 worked
    ['2021-09-24', '2021-09-27', 2], // Sun 09-26 worked
  ])('from %s to %s: %i', (from, to, days) => {
    expect(workingDaysBetween(from, to)).toBe(days);
  });
});

describe('case logs', () => {
  test('about 40 % of counties upload one or two logs, in early October and early December', () => {
    const counties = new Set(logs.map((l) => l.countyCode));
    expect(counties.size / tree.counties.length).toBeGreaterThan(0.25);
    expect(counties.size / tree.counties.length).toBeLessThan(0.55);
    for (const l of logs) expect(/^2021-(10-(0[89]|1[0-5])|12-0[1-7])T/.test(l.at)).toBe(true);
  });

  test('20–200 cases a log, ids unique within it, townships of the county, dates in the window', () => {
    const townships = new Map<string, Set<string>>();
    for (const t of tree.townships) townships.set(t.countyCode, (townships.get(t.countyCode) ?? new Set()).add(t.code));
    for (const log of logs) {
      expect(log.rows.length).toBeGreaterThanOrEqual(20);
      expect(log.rows.length).toBeLessThanOrEqual(200);
      expect(new Set(log.rows.map((r) => r.caseId)).size).toBe(log.rows.length);
      const bad = log.rows.filter(
        (r) =>
          !townships.get(log.countyCode)?.has(r.townshipCode) ||
          r.appliedOn < '2021-07-01' ||
          r.appliedOn > '2021-11-30' ||
          r.appliedOn >= log.at.slice(0, 10) ||
          (r.decidedOn !== null && (r.decidedOn < r.appliedOn || r.decidedOn >= log.at.slice(0, 10))),
      );
      expect(bad).toEqual([]);
    }
  });

  test('most decisions take 5–25 calendar days, a few exceed 20 working days, some are pending', () => {
    const rows = logs.flatMap((l) => l.rows);
    const decided = rows.filter((r) => r.decidedOn !== null);
    const calendar = decided.map((r) => (Date.parse(r.decidedOn!) - Date.parse(r.appliedOn)) / 86_400_000);
    expect(calendar.filter((d) => d >= 5 && d <= 25).length / decided.length).toBeGreaterThan(0.9);
    const over = decided.filter((r) => workingDaysBetween(r.appliedOn, r.decidedOn!) > 20).length;
    expect(over).toBeGreaterThan(0);
    expect(over / decided.length).toBeLessThan(0.05);
    expect(rows.length - decided.length).toBeGreaterThan(0);
  });

  test('a later log of the same county repeats the earlier cases, with decisions taken since', () => {
    const twice = logs.filter((l, i) => logs[i + 1]?.countyCode === l.countyCode);
    expect(twice.length).toBeGreaterThan(0);
    for (const first of twice) {
      const second = logs[logs.indexOf(first) + 1]!;
      const later = new Map(second.rows.map((r) => [r.caseId, r]));
      for (const row of first.rows) {
        expect(later.get(row.caseId)?.appliedOn).toBe(row.appliedOn);
        if (row.decidedOn !== null) expect(later.get(row.caseId)?.decidedOn).toBe(row.decidedOn);
      }
    }
  });
});
