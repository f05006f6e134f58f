import { describe, expect, test } from 'vitest';
import { type IndicatorDef, type Target } from '@dudao/schema/campaign';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { judgeIndicator, judgeRatio, judgeThreshold, judgeUpper, rampedExpected } from './indicator-status';
import { indicatorDef } from './schedule';

const anhui2021 = builtinCampaign('anhui-2021');

const { thresholds, rampStart } = anhui2021;
const byOct31: Extract<Target, { kind: 'ratio' }> = {
  kind: 'ratio',
  denominator: null,
  share: 1,
  deadline: '2021-10-31',
};
const noDeadline: Extract<Target, { kind: 'ratio' }> = {
  kind: 'ratio',
  denominator: null,
  share: 0.95,
  deadline: null,
};

describe('the 序时进度 (ramp from 07-15 to 10-31, 108 days)', () => {
  test.each([
    ['2021-07-10', 0], // before the ramp starts, clamped to 0
    ['2021-07-15', 0],
    ['2021-09-07', 0.5], // 16 + 31 + 7 = 54 days = half of 108
    ['2021-09-30', 77 / 108], // 16 + 31 + 30 = 77 days
    ['2021-10-31', 1],
    ['2021-12-31', 1], // clamped to 1
  ])('on %s the expected share is %d', (d, expected) => {
    expect(rampedExpected(byOct31, rampStart, d)).toBeCloseTo(expected, 12);
  });

  test('without a deadline the full share is expected from the start', () => {
    expect(rampedExpected(noDeadline, rampStart, '2021-07-31')).toBe(0.95);
  });
});

describe('ratio targets', () => {
  test.each([
    // on the deadline, expected = 1
    [19, 20, '2021-10-31', 'green', 95], // 0.95 exactly → green
    [16, 20, '2021-10-31', 'amber', 80], // 0.80 exactly → amber
    [79, 100, '2021-10-31', 'red', 79], // 0.79 < 0.80
    // on 09-07 expected = 0.5
    [19, 40, '2021-09-07', 'green', 95], // 0.475 / 0.5 = 0.95 → green
    [2, 5, '2021-09-07', 'amber', 80], // 0.4 / 0.5 = 0.80 → amber
    [39, 100, '2021-09-07', 'red', 78], // 0.39 / 0.5 = 0.78
    // on 09-30 expected = 77/108
    [7, 10, '2021-09-30', 'green', ((0.7 * 108) / 77) * 100], // 0.7 × 108/77 = 0.9818 → green, 98.18
    [6, 10, '2021-09-30', 'amber', ((0.6 * 108) / 77) * 100], // 0.8416 → amber, 84.16
    [5, 10, '2021-09-30', 'red', ((0.5 * 108) / 77) * 100], // 0.7013 → red
    // on 08-01 (17 of 108 days) exactly 0.95 and 0.80 of 17/108; plain division gives 0.9499…/0.7999…, which must not flip the status
    [323, 2160, '2021-08-01', 'green', 95], // (323/2160) / (17/108) = 0.95
    [272, 2160, '2021-08-01', 'amber', 80], // (272/2160) / (17/108) = 0.80
    // past the deadline anything short of the full share is red even with r ≥ 0.95
    [96, 100, '2021-11-30', 'red', 96],
    [100, 100, '2021-11-30', 'green', 100],
    // at the ramp start nothing is expected: r = 1
    [0, 10, '2021-07-15', 'green', 100],
  ])('%i/%i judged on %s → %s, score %d', (a, b, d, status, score) => {
    const result = judgeRatio(a, b, byOct31, d, rampStart, thresholds);
    expect(result.status).toBe(status);
    expect(result.score).toBeCloseTo(score, 9);
    expect(result.value).toBe(a / b);
  });

  test.each([
    [95, 100, 'green', 100], // r = 0.95/0.95 = 1
    [361, 400, 'green', 95], // 0.9025 / 0.95 = 0.95 → green
    [19, 25, 'amber', 80], // 0.76 / 0.95 = 0.80 → amber
    [75, 100, 'red', (0.75 / 0.95) * 100], // 0.7895 → red
    [94, 100, 'green', (0.94 / 0.95) * 100], // 0.9895; no deadline so never the past-deadline rule
  ])('share 0.95 without deadline: %i/%i on 12-31 → %s', (a, b, status, score) => {
    const result = judgeRatio(a, b, noDeadline, '2021-12-31', rampStart, thresholds);
    expect(result.status).toBe(status);
    expect(result.score).toBeCloseTo(score, 9);
  });

  test('a zero denominator is not scored', () => {
    expect(judgeRatio(0, 0, byOct31, '2021-10-31', rampStart, thresholds)).toMatchObject({
      value: null,
      status: null,
      score: null,
    });
  });

  test('the thresholds are the campaign’s: with green at 0.90, 0.92 is green', () => {
    const result = judgeRatio(92, 100, byOct31, '2021-10-31', rampStart, { ...thresholds, green: 0.9 });
    expect(result.status).toBe('green');
  });
});

describe('threshold targets', () => {
  const eight: Extract<Target, { kind: 'threshold' }> = { kind: 'threshold', min: 8, deadline: '2021-10-31' };
  const flag: Extract<Target, { kind: 'threshold' }> = { kind: 'threshold', min: 1, deadline: '2021-10-31' };
  test.each([
    [eight, 8, '2021-09-30', 'green', 100],
    [eight, 10, '2021-09-30', 'green', 100],
    [eight, 5, '2021-10-31', 'amber', null], // not met, deadline not passed: not scored
    [eight, 5, '2021-11-30', 'red', 62.5], // 5/8 = 0.625
    [flag, 1, '2021-08-31', 'green', 100],
    [flag, 0, '2021-10-31', 'amber', null],
    [flag, 0, '2021-11-30', 'red', 0], // a bool after the deadline scores 0
  ])('%o: %d on %s → %s, %s', (target, value, d, status, score) => {
    expect(judgeThreshold(value, target, d)).toMatchObject({ status, score });
  });
});

describe('upper bounds', () => {
  const twenty: Extract<Target, { kind: 'upper' }> = { kind: 'upper', max: 20 };
  const zero: Extract<Target, { kind: 'upper' }> = { kind: 'upper', max: 0 };
  test.each([
    [twenty, 0, 'green', 100],
    [twenty, 20, 'green', 100],
    [twenty, 21, 'amber', (20 / 21) * 100], // 95.24
    [twenty, 22, 'amber', (20 / 22) * 100], // 1.1 × 20 = 22 still amber
    [twenty, 22.1, 'red', (20 / 22.1) * 100],
    [twenty, 30, 'red', (20 / 30) * 100],
    [zero, 0, 'green', 100],
    [zero, 1, 'amber', 50],
    [zero, 2, 'red', 0],
    [zero, 7, 'red', 0],
  ])('%o: %d → %s, %d', (target, value, status, score) => {
    const result = judgeUpper(value, target, '2021-09-30');
    expect(result.status).toBe(status);
    expect(result.score).toBeCloseTo(score, 9);
  });
});

describe('judgeIndicator', () => {
  const def = (code: string): IndicatorDef => indicatorDef(anhui2021, code);
  const known = (value: number | null, extra = {}) => ({
    state: 'known' as const,
    judgedOn: '2021-09-30',
    value,
    ...extra,
  });

  test.each([
    ['pending', 't04_platform_live', { state: 'pending' as const, judgedOn: '2021-08-01' }, 'pending', null],
    ['missing', 't04_platform_live', { state: 'missing' as const, judgedOn: '2021-08-10' }, 'missing', 0],
    ['blank in a submitted report', 't04_departments_sharing', known(null), 'missing', 0],
    [
      'ratio with a blank denominator',
      't02_incapable_covered',
      known(5, { numerator: 5, denominator: null }),
      'missing',
      0,
    ],
    ['known ratio', 't02_incapable_covered', known(9, { numerator: 9, denominator: 10 }), 'green', 100], // 0.9 vs 77/108 → r 1.26
    ['untargeted count', 't01_tekun', known(321), null, null],
    ['untargeted but missing', 't01_tekun', { state: 'missing' as const, judgedOn: '2021-08-10' }, null, null],
    ['shown only', 't10_avg_pay', known(900, { numerator: 1800, denominator: 2 }), null, null],
  ])('%s (%s) → %s, score %s', (_label, code, observation, status, score) => {
    const result = judgeIndicator(def(code), observation, anhui2021);
    expect(result.status).toBe(status);
    expect(result.score).toBe(score);
  });

  test('an untargeted figure keeps its value', () => {
    expect(judgeIndicator(def('t01_tekun'), known(321), anhui2021).value).toBe(321);
  });

  test('the plan date is passed through, not scored', () => {
    const result = judgeIndicator(def('s1_plan_issued_on'), known(null, { date: '2021-07-10' }), anhui2021);
    expect(result).toMatchObject({ value: null, status: null, score: null, date: '2021-07-10' });
  });
});
