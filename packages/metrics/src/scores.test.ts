import { describe, expect, test } from 'vitest';
import { type CampaignDef } from '@dudao/schema/campaign';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { compositeScore, taskScores } from './scores';
import type { IndicatorResult } from './types';

const anhui2021 = builtinCampaign('anhui-2021');

const scored = (score: number | null, status: IndicatorResult['status'] = 'green'): IndicatorResult => ({
  value: null,
  expected: null,
  attainment: null,
  status,
  score,
});

describe('taskScores', () => {
  const indicators = {
    // T04: 100, missing 0, not-scored amber, ratio 70 → (100 + 0 + 70) / 3
    t04_platform_live: scored(100),
    t04_departments_sharing: scored(0, 'missing'),
    t04_warnings_handled: scored(70, 'red'),
    t05_hotline_module: scored(null, 'amber'),
    // T06: 50 and 100 → 75
    t06_over_limit_cases: scored(50, 'amber'),
    t06_avg_processing_days: scored(100),
    // an untargeted figure with a stray score is still only counted through its task
    t01_tekun: scored(null, null),
  };
  const scores = taskScores(indicators, anhui2021);

  test.each([
    ['T04', 170 / 3], // 56.67
    ['T06', 75],
    ['T05', null], // only a not-scored amber
    ['T01', null], // nothing targeted
    ['T10', null], // nothing known
  ])('%s → %s', (task, expected) => {
    expect(scores[task]).toBe(expected);
  });
});

describe('compositeScore', () => {
  test.each([
    // equal weights: (170/3 + 75) / 2 = 65.83
    [{ T04: 170 / 3, T06: 75, T05: null }, anhui2021, (170 / 3 + 75) / 2],
    [{ T01: null, T02: null }, anhui2021, null],
    [{}, anhui2021, null],
    // weight T06 three times: (56.67 + 3 × 75) / 4 = 70.42
    [
      { T04: 170 / 3, T06: 75 },
      { ...anhui2021, tasks: anhui2021.tasks.map((t) => ({ ...t, weight: t.code === 'T06' ? 3 : 1 })) },
      (170 / 3 + 225) / 4,
    ],
  ])('%o → %s', (scores, campaign: CampaignDef, expected) => {
    expect(compositeScore(scores, campaign)).toBe(expected);
  });
});
