import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { addRollupSums, figuresOf, rollupFigures, rollupSums } from './rollup';
import type { IndicatorResult } from './types';

const anhui2021 = builtinCampaign('anhui-2021');

const figure = (value: number | null, extra: Partial<IndicatorResult> = {}): IndicatorResult => ({
  value,
  expected: null,
  attainment: null,
  status: null,
  score: null,
  ...extra,
});
const ratio = (numerator: number | null, denominator: number | null) =>
  figure(numerator !== null && denominator ? numerator / denominator : null, { numerator, denominator });

const a = {
  indicators: {
    t02_incapable_covered: ratio(9, 10),
    t10_coordinator_coverage: ratio(9, 10),
    t10_avg_pay: ratio(3000, 2), // mean 1500 over 2 villages
    t01_tekun: figure(120),
    t03_temp_aid_amount: figure(1000.5),
    t04_platform_live: figure(1),
    t06_avg_processing_days: figure(10),
    s1_plan_issued_on: figure(null, { date: '2021-07-10' }),
  },
};
const b = {
  indicators: {
    t02_incapable_covered: ratio(1, 90),
    t10_coordinator_coverage: ratio(1, 90),
    t10_avg_pay: ratio(8000, 8), // mean 1000 over 8 villages
    t01_tekun: figure(80),
    t03_temp_aid_amount: figure(499.25),
    t04_platform_live: figure(0),
    t06_avg_processing_days: figure(15),
  },
};
const c = {
  indicators: {
    t02_incapable_covered: ratio(5, null), // denominator blank: cannot contribute
    t10_coordinator_coverage: figure(null), // no roster
    t10_avg_pay: figure(null),
    t01_tekun: figure(null),
    t03_temp_aid_amount: figure(null),
    t04_platform_live: figure(1),
    t06_avg_processing_days: figure(null),
  },
};
const figures = rollupFigures([a, b, c], anhui2021);
// The province's way: each city summed on its own, the sums added up. c, first, carries no numerator for the coverage
// and the mean pay, yet the whole must still be a ratio from the other parts' sums.
const fromParts = figuresOf(
  addRollupSums([rollupSums([c], anhui2021), rollupSums([a], anhui2021), rollupSums([b], anhui2021)], anhui2021),
  anhui2021,
);

const expectedFigures = [
  // 9/10 and 1/90 → (9 + 1) / (10 + 90) = 0.10, not the mean of ratios (0.9 + 0.0111) / 2 = 0.456
  ['t02_incapable_covered', { value: 0.1, numerator: 10, denominator: 100, countiesReporting: 2 }],
  ['t10_coordinator_coverage', { value: 0.1, numerator: 10, denominator: 100, countiesReporting: 2 }],
  // (3000 + 8000) / (2 + 8) = 1100, not (1500 + 1000) / 2 = 1250
  ['t10_avg_pay', { value: 1100, numerator: 11000, denominator: 10, countiesReporting: 2 }],
  // 120 + 80 = 200
  ['t01_tekun', { value: 200, countiesReporting: 2 }],
  // 1000.5 + 499.25 = 1499.75
  ['t03_temp_aid_amount', { value: 1499.75, countiesReporting: 2 }],
  // two of three counties answered 是
  ['t04_platform_live', { value: 2, numerator: 2, denominator: 3, countiesReporting: 3 }],
  // (10 + 15) / 2 = 12.5
  ['t06_avg_processing_days', { value: 12.5, countiesReporting: 2 }],
  // nobody reported it
  ['t11_materials', { value: null, countiesReporting: 0 }],
  ['t10_station_coverage', { value: null, countiesReporting: 0 }],
] as const;

describe('rollupFigures', () => {
  test.each(expectedFigures)('%s', (code, expected) => {
    expect(figures[code]).toEqual(expected);
  });

  test.each(expectedFigures)('%s from the sums of three parts added up', (code, expected) => {
    expect(fromParts[code]).toEqual(expected);
  });

  test('a part on its own without numerators rolls up as values', () => {
    const alone = figuresOf(rollupSums([c], anhui2021), anhui2021);
    // c's coverage is a plain blank figure: no county reports a value
    expect(alone.t10_coordinator_coverage).toEqual({ value: null, countiesReporting: 0 });
    // its 5 over a blank denominator still makes the share a ratio, with nothing to add up
    expect(alone.t02_incapable_covered).toEqual({ value: null, numerator: 0, denominator: 0, countiesReporting: 0 });
  });

  test('dates are not rolled up', () => {
    expect(figures.s1_plan_issued_on).toBeUndefined();
  });

  test('a province over all counties equals the roll-up of its cities for sums and ratios', () => {
    const province = rollupFigures([a, b, c], anhui2021);
    const cityA = rollupFigures([a], anhui2021);
    const cityB = rollupFigures([b, c], anhui2021);
    const coverage = (f: typeof province) => f.t10_coordinator_coverage ?? { numerator: NaN };
    expect(coverage(province).numerator).toBe((coverage(cityA).numerator ?? 0) + (coverage(cityB).numerator ?? 0));
    expect(province.t01_tekun?.value).toBe((cityA.t01_tekun?.value ?? 0) + (cityB.t01_tekun?.value ?? 0));
  });
});
