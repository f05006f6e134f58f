import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { describe, expect, test } from 'vitest';
import { generateDemo } from './generate';
import { byCounty, provinceTree, smallTree } from './test-trees';
import type { DemoRoster, DemoTree } from './types';

const anhui2021 = builtinCampaign('anhui-2021');

const cases: [string, DemoTree, number][] = [
  ['small tree', smallTree(), 2021],
  ['province-sized tree', provinceTree(), 5],
];
const DEADLINE_END = Date.parse('2021-10-31T23:59:59+08:00');
const full = (roster: DemoRoster, ok: (row: DemoRoster['rows'][number]) => boolean) => roster.rows.every(ok);

describe.each(cases)('village rosters on the %s', (_, tree, seed) => {
  const rosters = generateDemo(tree, anhui2021, seed).rosters;

  test('every upload lists each village of its county exactly once, with the tree name', () => {
    const treeRows = new Map(
      byCounty(tree.villages).map((vs) => [vs[0]!.countyCode, vs.map((v) => `${v.code} ${v.name}`).sort()]),
    );
    for (const roster of rosters) {
      expect(roster.rows.map((r) => `${r.villageCode} ${r.villageName}`).sort()).toEqual(
        treeRows.get(roster.countyCode),
      );
    }
  });

  test('each county uploads 3 to 5 times between mid-July and the end of November, in order', () => {
    const counties = byCounty(rosters);
    expect(counties).toHaveLength(tree.counties.length);
    for (const uploads of counties) {
      expect(uploads.length).toBeGreaterThanOrEqual(3);
      expect(uploads.length).toBeLessThanOrEqual(5);
      const days = uploads.map((u) => u.at.slice(0, 10));
      expect([...days].sort()).toEqual(days);
      expect(days[0]! >= '2021-07-16' && days[0]! <= '2021-08-31').toBe(true);
      expect(days.at(-1)! <= '2021-11-30').toBe(true);
    }
  });

  test('rows are valid: full-time ≤ coordinators, pay 800–2500 only with coordinators', () => {
    const invalid = rosters
      .flatMap((r) => r.rows)
      .filter(
        (row) =>
          row.coordinatorsFullTime > row.coordinators ||
          (row.coordinators === 0
            ? row.coordinatorPay !== null
            : row.coordinatorPay === null || row.coordinatorPay < 800 || row.coordinatorPay > 2500) ||
          !Number.isInteger(row.longTermRecipients) ||
          row.longTermRecipients < 0,
      );
    expect(invalid).toEqual([]);
  });

  test('coordinator coverage never falls from one upload to the next', () => {
    for (const uploads of byCounty(rosters)) {
      const covered = uploads.map((u) => u.rows.filter((r) => r.coordinators >= 1).length);
      for (let i = 1; i < covered.length; i++) expect(covered[i]!).toBeGreaterThanOrEqual(covered[i - 1]!);
    }
  });
});

describe('roster shares on a province-sized tree', () => {
  const tree = provinceTree();
  const counties = byCounty(generateDemo(tree, anhui2021, 5).rosters);
  const atDeadline = counties.map((uploads) => uploads.filter((u) => Date.parse(u.at) <= DEADLINE_END).at(-1)!);

  test('about 90 % of counties have a coordinator in every village by 10-31; some of the rest catch up in November', () => {
    const met = atDeadline.filter((r) => full(r, (row) => row.coordinators >= 1)).length / counties.length;
    expect(met).toBeGreaterThan(0.8);
    expect(met).toBeLessThan(0.97);
    const lateMet = counties.filter(
      (u, i) => !full(atDeadline[i]!, (r) => r.coordinators >= 1) && full(u.at(-1)!, (r) => r.coordinators >= 1),
    );
    expect(lateMet.length).toBeGreaterThan(0);
  });

  test('2–5 % of villages have 200 or more long-term recipients, and most counties station them all by 10-31', () => {
    const rows = atDeadline.flatMap((r) => r.rows);
    const eligible = rows.filter((r) => r.longTermRecipients >= 200).length / rows.length;
    expect(eligible).toBeGreaterThan(0.015);
    expect(eligible).toBeLessThan(0.05);
    const withEligible = atDeadline.filter((r) => r.rows.some((row) => row.longTermRecipients >= 200));
    const stationed = withEligible.filter((r) => full(r, (row) => row.longTermRecipients < 200 || row.stations >= 1));
    expect(stationed.length / withEligible.length).toBeGreaterThan(0.8);
    expect(stationed.length).toBeLessThan(withEligible.length);
  });
});
