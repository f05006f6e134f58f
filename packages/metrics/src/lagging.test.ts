import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { lateReportReason, laggingReasons, redCounts, type JudgedCounty } from './lagging';
import { county, report } from './test-factories';
import type { CountyStatus, IndicatorResult } from './types';

const anhui2021 = builtinCampaign('anhui-2021');

const allMet: CountyStatus['gates'] = {
  m1_plan_issued: 'met',
  m2_coordinators: 'met',
  m3_stations: 'met',
  m4_supervised: 'n/a',
};
const result = (status: IndicatorResult['status'], extra: Partial<IndicatorResult> = {}): IndicatorResult => ({
  value: null,
  expected: null,
  attainment: null,
  status,
  score: status === 'missing' ? 0 : null,
  ...extra,
});
const judged = (overrides: Partial<JudgedCounty> = {}): JudgedCounty => ({
  indicators: {},
  score: 90,
  gates: allMet,
  ...overrides,
});
// every report due by 11-10 submitted on time, so only the reason under test can fire
const onTime = {
  '2021-07': '2021-08-03T02:00:00Z',
  '2021-08': '2021-09-03T02:00:00Z',
  '2021-09': '2021-10-03T02:00:00Z',
  '2021-10': '2021-11-03T02:00:00Z',
};
const punctual = county({ firstSubmissions: onTime });
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('lagging reasons, each alone', () => {
  test('nothing wrong → not lagging', () => {
    expect(laggingReasons(punctual, judged(), anhui2021, '2021-11-10')).toEqual([]);
  });

  test('m1 overdue', () => {
    const [reason, ...rest] = laggingReasons(
      punctual,
      judged({ gates: { ...allMet, m1_plan_issued: 'overdue' } }),
      anhui2021,
      '2021-11-10',
    );
    expect(rest).toEqual([]);
    expect(reason).toMatchObject({ code: 'gate_overdue:m1', text: '实施方案未按期印发（应于2021年7月15日前印发）' });
  });

  test('m2 overdue: 协理员配备率 with the roster figure (156/190 = 0.8210…)', () => {
    const indicators = {
      t10_coordinator_coverage: result('red', { value: 156 / 190, numerator: 156, denominator: 190 }),
    };
    const reasons = laggingReasons(
      punctual,
      judged({ indicators, gates: { ...allMet, m2_coordinators: 'overdue' } }),
      anhui2021,
      '2021-11-10',
    );
    // one red indicator only, below many_red
    expect(reasons).toEqual([
      {
        code: 'gate_overdue:m2',
        text: '村级社会救助协理员配备率 82.1%，低于截止日要求的 100%',
        figures: { deadline: '2021-10-31', value: 156 / 190, numerator: 156, denominator: 190, required: 1 },
      },
    ]);
  });

  test('m3 overdue without any roster', () => {
    const indicators = { t10_station_coverage: result('missing') };
    const reasons = laggingReasons(
      punctual,
      judged({ indicators, gates: { ...allMet, m3_stations: 'overdue' } }),
      anhui2021,
      '2021-11-10',
    );
    expect(reasons.map((r) => r.text)).toEqual([
      '未上传村级台账，符合条件村（社区）服务站（点）建成率未达到截止日要求的 100%',
    ]);
  });

  test('m4 overdue is the city’s duty, not a county reason', () => {
    expect(
      laggingReasons(punctual, judged({ gates: { ...allMet, m4_supervised: 'overdue' } }), anhui2021, '2021-12-01'),
    ).toEqual([]);
  });

  test.each([
    [79.96, ['low_score'], '综合得分 79.9 分，低于 80 分'],
    [72.44, ['low_score'], '综合得分 72.4 分，低于 80 分'],
    [80, [], null],
    [null, [], null], // nothing scored is not a low score
  ])('composite %s → %o', (score, expected, text) => {
    const reasons = laggingReasons(punctual, judged({ score }), anhui2021, '2021-11-10');
    expect(codes(reasons)).toEqual(expected);
    if (text) expect(reasons[0]?.text).toBe(text);
  });

  test('two red indicators stay below many_red', () => {
    const indicators = {
      t02_incapable_covered: result('red'),
      t03_townships_with_reserve: result('red'),
      t04_platform_live: result('amber'),
    };
    expect(laggingReasons(punctual, judged({ indicators }), anhui2021, '2021-11-10')).toEqual([]);
  });

  test('exactly three red: the reason names those three (the documents’ share name where there is one), no others', () => {
    const indicators = {
      t02_incapable_covered: result('green'),
      t03_townships_with_reserve: result('red'),
      t04_platform_live: result('amber'),
      t09_care_agreements: result('green'),
      t10_coordinator_coverage: result('red'),
      t10_civil_affairs_coverage: result('red'),
    };
    const reasons = laggingReasons(punctual, judged({ indicators }), anhui2021, '2021-11-10');
    expect(reasons).toEqual([
      {
        code: 'many_red',
        text: '3 项指标未达到序时进度要求：乡镇（街道）临时救助备用金建立率、村级社会救助协理员配备率、村（居）委会明确民政工作负责人比例',
        figures: { redCount: 3, missingCount: 0, manyRed: 3 },
        indicators: [
          { code: 't03_townships_with_reserve', name: '乡镇（街道）临时救助备用金建立率' },
          { code: 't10_coordinator_coverage', name: '村级社会救助协理员配备率' },
          { code: 't10_civil_affairs_coverage', name: '村（居）委会明确民政工作负责人比例' },
        ],
      },
    ]);
  });

  test('missing figures count and are named with the red ones, the unsent counted apart', () => {
    const indicators = {
      t02_incapable_covered: result('red'),
      t04_platform_live: result('red'),
      t05_hotline_module: result('missing'),
      t07_service_catalog: result('missing'),
      t08_unified_rules: result('green'),
    };
    const [reason, ...rest] = laggingReasons(punctual, judged({ indicators }), anhui2021, '2021-11-10');
    expect(rest).toEqual([]);
    expect(reason).toMatchObject({
      text:
        '4 项指标未达到序时进度要求（其中 2 项未报送）：丧失劳动能力脱贫人口兜底纳入率、低收入人口动态监测信息平台建成、' +
        '12345热线设置社会救助服务模块、出台政府购买社会救助服务目录清单',
      figures: { redCount: 4, missingCount: 2 },
    });
  });

  test('six red: five named in the campaign’s order, then 等 6 项; a name with its own 、 is quoted', () => {
    const indicators = {
      t02_incapable_covered: result('red'),
      t03_townships_with_reserve: result('red'),
      t04_platform_live: result('red'),
      t04_departments_sharing: result('red'),
      t06_avg_processing_days: result('red'),
      t09_care_agreements: result('red'),
      t10_coordinator_coverage: result('green'),
    };
    const [reason] = laggingReasons(punctual, judged({ indicators }), anhui2021, '2021-11-10');
    expect(reason?.text).toBe(
      '6 项指标未达到序时进度要求：丧失劳动能力脱贫人口兜底纳入率、乡镇（街道）临时救助备用金建立率、' +
        '低收入人口动态监测信息平台建成、实现数据共享的部门数、“低保、特困平均办理时限（工作日）”等 6 项',
    );
    // the reason carries all six, the sixth included
    expect(reason?.indicators?.map((i) => i.code)).toEqual([
      't02_incapable_covered',
      't03_townships_with_reserve',
      't04_platform_live',
      't04_departments_sharing',
      't06_avg_processing_days',
      't09_care_agreements',
    ]);
    expect(reason?.figures).toMatchObject({ redCount: 6, missingCount: 0 });
  });

  test('the many_red threshold comes from the campaign', () => {
    const indicators = { t04_platform_live: result('red'), t06_joint_review: result('red') };
    const campaign = { ...anhui2021, thresholds: { ...anhui2021.thresholds, manyRed: 2 } };
    const reasons = laggingReasons(punctual, judged({ indicators }), campaign, '2021-11-10');
    expect(reasons).toMatchObject([
      {
        code: 'many_red',
        text: '2 项指标未达到序时进度要求：低收入人口动态监测信息平台建成、建立社会救助联审联批制度',
      },
    ]);
  });
});

describe('late_report', () => {
  const without = (period: string) => Object.fromEntries(Object.entries(onTime).filter(([p]) => p !== period));
  test.each([
    // October's report, due 11-05, unknown on 11-10
    ['unknown', without('2021-10'), '2021-11-10', '2021年10月月报应于2021年11月5日前报送，截至11月10日尚未报送'],
    // on 11-05 itself, October's is due (end of day) and unknown
    [
      'unknown on the due day',
      without('2021-10'),
      '2021-11-05',
      '2021年10月月报应于2021年11月5日前报送，截至11月5日尚未报送',
    ],
    // on 11-04 the latest due is September's, which was on time
    ['not yet due', without('2021-10'), '2021-11-04', null],
    // first submitted 11-10 23:59 Beijing (15:59Z): 5 days after 11-05, not more → on time enough
    ['5 days late', { ...onTime, '2021-10': '2021-11-10T15:59:00Z' }, '2021-11-20', null],
    // 11-11 00:00 Beijing (11-10 16:00Z) → 6 days after the due date
    [
      '6 days late',
      { ...onTime, '2021-10': '2021-11-10T16:00:00Z' },
      '2021-11-20',
      '2021年10月月报应于2021年11月5日前报送，首次报送晚于截止日 6 天',
    ],
    [
      '12 days late',
      { ...onTime, '2021-10': '2021-11-17T01:00:00Z' },
      '2021-11-20',
      '2021年10月月报应于2021年11月5日前报送，首次报送晚于截止日 12 天',
    ],
    // a missing September report is not re-judged once October's is the latest due
    ['an older gap', without('2021-09'), '2021-11-10', null],
    ['before any report is due', {}, '2021-08-04', null],
  ])('%s', (_label, firstSubmissions, asOf, text) => {
    const reason = lateReportReason(county({ firstSubmissions }), anhui2021, asOf);
    expect(reason?.text ?? null).toBe(text);
    if (text) expect(reason?.code).toBe('late_report');
  });

  test('figures carry the period, due date and days late', () => {
    const reason = lateReportReason(
      county({ firstSubmissions: { '2021-10': '2021-11-17T01:00:00Z' } }),
      anhui2021,
      '2021-11-20',
    );
    expect(reason?.figures).toEqual({
      period: '2021-10',
      dueOn: '2021-11-05',
      submittedOn: '2021-11-17',
      daysLate: 12,
      lateReportDays: 5,
    });
  });

  test('the known report stands in when its first submission is not listed', () => {
    const known = report('2021-10', {}, '2021-11-04T02:00:00Z');
    expect(lateReportReason(county({ report: known }), anhui2021, '2021-11-10')).toBeNull();
  });

  test('lateReportDays comes from the campaign: with 10 days, 6 days late passes', () => {
    const campaign = { ...anhui2021, thresholds: { ...anhui2021.thresholds, lateReportDays: 10 } };
    expect(
      lateReportReason(county({ firstSubmissions: { '2021-10': '2021-11-10T16:00:00Z' } }), campaign, '2021-11-20'),
    ).toBeNull();
  });
});

describe('redCounts', () => {
  test('red and missing both count; missing is also told apart', () => {
    expect(
      redCounts({ a: result('red'), b: result('missing'), c: result('amber'), d: result('pending'), e: result(null) }),
    ).toEqual({ red: 2, missing: 1 });
  });
});
