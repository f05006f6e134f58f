import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { builtinCampaign } from './builtin';

const anhui2021 = builtinCampaign('anhui-2021');

// The repo keeps its own copy of the spec so a clean clone can check the catalogue against it.
const domain = readFileSync(fileURLToPath(new URL('../../../../docs/DOMAIN.md', import.meta.url)), 'utf8');
const specCodes = new Set([...domain.matchAll(/`((?:s1|t\d{2})_[a-z0-9_]+)`/g)].map((m) => m[1]));

describe('campaign anhui-2021', () => {
  test('defines every indicator code of DOMAIN.md, and nothing else', () => {
    const defined = anhui2021.indicators.map((i) => i.code);
    expect(new Set(defined).size).toBe(defined.length);
    expect([...defined].sort()).toEqual([...specCodes].sort());
  });

  test('the spec names 55 codes: the plan date, 46 reported task indicators, 3 scored roster coverages, 5 shown-only roster figures', () => {
    expect(specCodes.size).toBe(55);
    expect(anhui2021.indicators.filter((i) => i.source === 'report' && i.task !== 'S1')).toHaveLength(46);
    expect(anhui2021.indicators.filter((i) => i.source === 'roster')).toHaveLength(8);
    expect(anhui2021.indicators.filter((i) => i.shownOnly)).toHaveLength(5);
  });

  test('eleven tasks T01…T11, each with at least one indicator', () => {
    expect(anhui2021.tasks.map((t) => t.code)).toEqual([
      'T01',
      'T02',
      'T03',
      'T04',
      'T05',
      'T06',
      'T07',
      'T08',
      'T09',
      'T10',
      'T11',
    ]);
    for (const task of anhui2021.tasks) expect(anhui2021.indicators.some((i) => i.task === task.code)).toBe(true);
  });

  test('targets follow the plan: coverages by 10-31, 95 % shares without deadline, typical cases by 12-15', () => {
    const target = (code: string) => anhui2021.indicators.find((i) => i.code === code)?.target;
    expect(target('t02_incapable_covered')).toEqual({
      kind: 'ratio',
      denominator: { indicator: 't02_incapable_identified' },
      share: 1,
      deadline: '2021-10-31',
    });
    expect(target('t04_warnings_handled')).toMatchObject({ kind: 'ratio', share: 0.95, deadline: null });
    expect(target('t04_departments_sharing')).toEqual({ kind: 'threshold', min: 8, deadline: '2021-10-31' });
    expect(target('t06_avg_processing_days')).toEqual({ kind: 'upper', max: 20 });
    expect(target('t06_over_limit_cases')).toEqual({ kind: 'upper', max: 0 });
    expect(target('t11_typical_cases')).toEqual({ kind: 'threshold', min: 1, deadline: '2021-12-15' });
    expect(target('t08_residence_permit_open')).toBeUndefined();
  });

  test('stages and gates carry the plan dates', () => {
    expect(anhui2021.gates.map((g) => [g.code, g.deadline])).toEqual([
      ['m1_plan_issued', '2021-07-15'],
      ['m2_coordinators', '2021-10-31'],
      ['m3_stations', '2021-10-31'],
      ['m4_supervised', '2021-11-30'],
      ['m5_city_summary', '2021-12-15'],
    ]);
    expect(anhui2021.periods).toEqual(['2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
  });

  test('every relation names defined indicators', () => {
    const codes = new Set(anhui2021.indicators.map((i) => i.code));
    for (const r of anhui2021.relations) {
      expect(codes.has(r.part)).toBe(true);
      if ('indicator' in r.whole) expect(codes.has(r.whole.indicator)).toBe(true);
    }
  });
});
