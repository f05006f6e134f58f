import { describe, expect, test } from 'vitest';
import type { IndicatorDef } from '@dudao/schema/campaign';
import { blocksSave, checkReport, outliers, type RuleContext } from './report-rules';

const indicators: IndicatorDef[] = [
  { code: 't01_tekun', task: 'T01', name: '特困人员人数', kind: 'count', accumulation: 'stock', source: 'report' },
  {
    code: 't03_temp_aid_cases',
    task: 'T03',
    name: '临时救助人次',
    kind: 'count',
    accumulation: 'flow',
    source: 'report',
  },
  {
    code: 't03_nonlocal_cases',
    task: 'T03',
    name: '急难发生地（非户籍地）救助人次',
    kind: 'count',
    accumulation: 'flow',
    source: 'report',
  },
  {
    code: 't03_townships_with_reserve',
    task: 'T03',
    name: '建立临时救助备用金的乡镇（街道）数',
    kind: 'count',
    accumulation: 'stock',
    source: 'report',
    target: { kind: 'ratio', denominator: { orgCount: 'townships' }, share: 1, deadline: '2021-10-31' },
  },
  {
    code: 't04_platform_live',
    task: 'T04',
    name: '低收入人口动态监测信息平台建成',
    kind: 'bool',
    source: 'report',
    target: { kind: 'threshold', min: 1, deadline: '2021-10-31' },
  },
  {
    code: 't06_avg_processing_days',
    task: 'T06',
    name: '低保、特困平均办理时限（工作日）',
    kind: 'days',
    source: 'report',
    range: { min: 0, max: 120 },
    target: { kind: 'upper', max: 20 },
  },
  {
    code: 't07_purchase_amount',
    task: 'T07',
    name: '政府购买服务资金（元）',
    kind: 'amount',
    accumulation: 'flow',
    source: 'report',
  },
  { code: 't10_coordinator_coverage', task: 'T10', name: '村级社会救助协理员配备率', kind: 'ratio', source: 'roster' },
];

const campaign = {
  start: '2021-07-01',
  indicators,
  relations: [
    { kind: 'part_of' as const, part: 't03_nonlocal_cases', whole: { indicator: 't03_temp_aid_cases' } },
    { kind: 'part_of' as const, part: 't03_townships_with_reserve', whole: { orgCount: 'townships' as const } },
  ],
  thresholds: {
    green: 0.95,
    amber: 0.8,
    lowScore: 80,
    manyRed: 3,
    lateReportDays: 5,
    outlierChange: 0.5,
    eligibleRecipients: 200,
    stationPolicy: 'per_eligible_village' as const,
    stationsPer: 200,
  },
};

const filled = {
  t01_tekun: '100',
  t03_temp_aid_cases: '50',
  t03_nonlocal_cases: '10',
  t03_townships_with_reserve: '12',
  t04_platform_live: 'true',
  t06_avg_processing_days: '12.5',
  t07_purchase_amount: '1000.50',
};

function input(current: RuleContext['current'], more: Partial<RuleContext> = {}): RuleContext {
  return { campaign, townships: 23, current, comments: {}, previous: null, ...more };
}

describe('checkReport', () => {
  test('a complete, consistent report has no issue', () => {
    expect(checkReport(input(filled))).toEqual([]);
  });

  test.each([
    ['t01_tekun', '12.5', '应为非负整数，实际为“12.5”'],
    ['t07_purchase_amount', '10.555', '应为金额（元，最多两位小数），实际为“10.555”'],
    ['t06_avg_processing_days', '3.25', '应为工作日数（最多一位小数），实际为“3.25”'],
  ])('%s = %s is refused: %s', (field, value, message) => {
    expect(checkReport(input({ ...filled, [field]: value }))).toEqual([{ field, kind: 'format', message }]);
  });

  test('a blank targeted indicator must be filled before submitting', () => {
    expect(checkReport(input({ ...filled, t04_platform_live: '' }))).toEqual([
      { field: 't04_platform_live', kind: 'required', message: '为考核指标，报送前必须填写' },
    ]);
  });

  test('a part never exceeds its whole: 非户籍地 60 of 50 临时救助', () => {
    expect(checkReport(input({ ...filled, t03_nonlocal_cases: '60' }))).toEqual([
      { field: 't03_nonlocal_cases', kind: 'rule', message: '不能大于临时救助人次（60 > 50）' },
    ]);
  });

  test('townships with a reserve never exceed the county’s 23 townships', () => {
    expect(checkReport(input({ ...filled, t03_townships_with_reserve: '24' }))).toEqual([
      { field: 't03_townships_with_reserve', kind: 'rule', message: '不能大于本县乡镇（街道）总数（24 > 23）' },
    ]);
  });

  test('processing days stay within 0–120', () => {
    expect(checkReport(input({ ...filled, t06_avg_processing_days: '130' }))).toEqual([
      { field: 't06_avg_processing_days', kind: 'rule', message: '应在 0–120 之间，实际为 130' },
    ]);
  });

  test('a flow never falls below the previous period', () => {
    const issues = checkReport(
      input(
        { ...filled, t03_temp_aid_cases: '40', t03_nonlocal_cases: '10' },
        { previous: { t03_temp_aid_cases: '45' } },
      ),
    );
    expect(issues).toEqual([
      { field: 't03_temp_aid_cases', kind: 'rule', message: '为自7月1日起的累计数，不能小于上期（45），本期为 40' },
    ]);
  });

  test('a stock moving 60 % needs a comment, and passes with one', () => {
    const moved = input({ ...filled, t01_tekun: '160' }, { previous: { t01_tekun: '100' } });
    expect(checkReport(moved)).toEqual([
      { field: 't01_tekun', kind: 'comment', message: '较上期变动 60%（100 → 160），超过 50%，须填写说明' },
    ]);
    expect(checkReport({ ...moved, comments: { t01_tekun: '新增集中供养机构转入' } })).toEqual([]);
  });

  test('a stock moving exactly 50 % needs no comment', () => {
    expect(outliers(input({ ...filled, t01_tekun: '150' }, { previous: { t01_tekun: '100' } }))).toEqual([]);
  });

  test('only a malformed value blocks saving a draft', () => {
    const issues = checkReport(input({ ...filled, t01_tekun: 'abc', t04_platform_live: '' }));
    expect(issues.filter(blocksSave).map((i) => i.field)).toEqual(['t01_tekun']);
  });
});
