import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { caseLogValue, countyIndicators } from './county-indicators';
import { indicatorDef } from './schedule';
import { county, report, roster, village, villages } from './test-factories';
import type { CaseRecord } from './types';

const anhui2021 = builtinCampaign('anhui-2021');

const caseOf = (appliedOn: string, decidedOn: string | null): CaseRecord => ({
  caseId: appliedOn,
  kind: '特困',
  townshipCode: '340321100',
  appliedOn,
  decidedOn,
});

describe('countyIndicators: nothing known yet', () => {
  test.each([
    // the first report (and roster) is due at the end of 08-05
    ['2021-08-04', 'pending', null],
    ['2021-08-05', 'missing', 0],
    ['2021-09-20', 'missing', 0],
  ])('as of %s targeted indicators are %s', (asOf, status, score) => {
    const results = countyIndicators(county(), anhui2021, asOf);
    for (const code of [
      't02_incapable_covered',
      't04_platform_live',
      't06_over_limit_cases',
      't10_coordinator_coverage',
      't10_station_coverage',
    ]) {
      expect(results[code], code).toMatchObject({ status, score, judgedOn: asOf });
    }
    expect(results.t01_tekun).toMatchObject({ value: null, status: null, score: null });
    expect(results.t10_avg_pay).toMatchObject({ value: null, status: null });
  });
});

describe('countyIndicators: a September report read on 11-20', () => {
  const september = report('2021-09', {
    s1_plan_issued_on: '2021-07-12',
    t01_tekun: '321',
    t02_incapable_identified: '10',
    t02_incapable_covered: '7',
    t03_townships_with_reserve: '5',
    t04_platform_live: 'false',
    t04_departments_sharing: null,
    t04_warnings_issued: '0',
    t04_warnings_handled: '0',
    t06_avg_processing_days: '10',
    t06_over_limit_cases: '0',
    t09_dispersed_tekun: '40',
    t09_care_agreements: null,
  });
  const results = countyIndicators(county({ report: september, townships: 10 }), anhui2021, '2021-11-20');

  test.each([
    // judged on 09-30, where 77/108 of the way is expected: 0.7 × 108/77 = 0.982 → green
    ['t02_incapable_covered', 0.7, 'green'],
    // 5 of the 10 townships of the tree: 0.5 × 108/77 = 0.701 → red
    ['t03_townships_with_reserve', 0.5, 'red'],
    // false on 09-30, before the 10-31 deadline: amber and not scored, even when read in November
    ['t04_platform_live', 0, 'amber'],
    ['t04_departments_sharing', null, 'missing'], // required but blank
    ['t04_warnings_handled', null, null], // 0 issued: not scored
    ['t09_care_agreements', null, 'missing'],
    ['t06_avg_processing_days', 10, 'green'],
    ['t06_over_limit_cases', 0, 'green'],
    ['t01_tekun', 321, null],
  ])('%s → value %s, %s', (code, value, status) => {
    expect(results[code]).toMatchObject({ value, status, judgedOn: '2021-09-30' });
  });

  test('the numerator and denominator of a coverage are kept', () => {
    expect(results.t02_incapable_covered).toMatchObject({ numerator: 7, denominator: 10 });
    expect(results.t03_townships_with_reserve).toMatchObject({ numerator: 5, denominator: 10 });
  });

  test('the plan date is exposed, not scored', () => {
    expect(results.s1_plan_issued_on).toMatchObject({ value: null, date: '2021-07-12', status: null });
  });
});

describe('countyIndicators: a report sent before its period ends (提前报送) is judged no later than asOf', () => {
  // November's report submitted on 11-18, two weeks before November ends
  const november = report(
    '2021-11',
    { t02_incapable_identified: '10', t02_incapable_covered: '10', t11_typical_cases: '0' },
    '2021-11-18T02:00:00.000Z',
  );
  const log = [caseOf('2021-08-02', '2021-09-01')];

  test.each([
    // read on 11-20: judged on 11-20, not on 11-30, ten days after the day the page is as of
    ['2021-11-20', '2021-11-20'],
    // read on 12-15: November has ended, so it is judged on its last day, 11-30
    ['2021-12-15', '2021-11-30'],
  ])('as of %s the November report is judged on %s', (asOf, day) => {
    const results = countyIndicators(county({ report: november, caseLog: log }), anhui2021, asOf);
    // 10/10 past the 10-31 deadline: expected 1, r 1 → green either day
    expect(results.t02_incapable_covered).toMatchObject({ value: 1, expected: 1, status: 'green', judgedOn: day });
    // 0 typical cases before the 12-15 deadline: amber, not scored (11-20 and 11-30 both precede it)
    expect(results.t11_typical_cases).toMatchObject({ value: 0, status: 'amber', judgedOn: day });
    // the case log standing in for the report describes the same day
    expect(results.t06_over_limit_cases).toMatchObject({ judgedOn: day });
  });
});

describe('countyIndicators: the case log overrides reported processing figures', () => {
  const reported = report('2021-09', { t06_avg_processing_days: '10', t06_over_limit_cases: '0' });

  test('a 22-working-day case: average 22 (≤ 1.1 × 20 → amber), 1 over the limit (→ amber, 50)', () => {
    // 08-02 → 09-01: 21 working days in August after the 2nd, plus 09-01 = 22
    const results = countyIndicators(
      county({ report: reported, caseLog: [caseOf('2021-08-02', '2021-09-01')] }),
      anhui2021,
      '2021-10-05',
    );
    // The log stands in for the September report, so it is read through September's last day.
    expect(results.t06_avg_processing_days).toMatchObject({ value: 22, status: 'amber', judgedOn: '2021-09-30' });
    expect(results.t06_over_limit_cases).toMatchObject({ value: 1, status: 'amber', score: 50 });
  });

  test("a case decided after the newest report's period waits for the next report (as the annex rows do)", () => {
    // 08-02 → 10-04 lies past 09-30: only the 22-day case counts; 2 cases before the period end: 10 and 22 days
    const log = [
      caseOf('2021-08-02', '2021-09-01'),
      caseOf('2021-09-01', '2021-09-15'),
      caseOf('2021-08-02', '2021-10-04'),
    ];
    const results = countyIndicators(county({ report: reported, caseLog: log }), anhui2021, '2021-10-05');
    // 09-01 → 09-15: 10 working days (09-02 … 09-15); mean (22 + 10) / 2 = 16
    expect(results.t06_avg_processing_days).toMatchObject({ value: 16, judgedOn: '2021-09-30' });
    expect(results.t06_over_limit_cases).toMatchObject({ value: 1 });
    expect(caseLogValue(indicatorDef(anhui2021, 't06_over_limit_cases'), log, '2021-10-05', anhui2021)).toBe(2);
  });

  test('before any report, the case log is read through asOf', () => {
    const results = countyIndicators(
      county({ report: null, caseLog: [caseOf('2021-08-02', '2021-09-01')] }),
      anhui2021,
      '2021-10-05',
    );
    expect(results.t06_over_limit_cases).toMatchObject({ value: 1, judgedOn: '2021-10-05' });
  });

  test('with no case decided yet, the reported average stands and no case is over the limit', () => {
    const results = countyIndicators(
      county({ report: reported, caseLog: [caseOf('2021-09-20', null)] }),
      anhui2021,
      '2021-10-05',
    );
    expect(results.t06_avg_processing_days).toMatchObject({ value: 10, judgedOn: '2021-09-30' });
    expect(results.t06_over_limit_cases).toMatchObject({ value: 0, status: 'green' });
  });
});

describe('countyIndicators: roster figures are judged on asOf', () => {
  // 8 of 10 villages with a coordinator, 2 eligible villages, one with a station
  const rows = [
    village({ longTermRecipients: 300, stations: 1 }),
    village({ longTermRecipients: 300, stations: 0 }),
    ...villages(6),
    ...villages(2, { coordinators: 0, coordinatorsFullTime: 0, coordinatorPay: null }),
  ];
  test.each([
    // 09-07 is half way: expected 0.5; 0.8 / 0.5 → r 1.6 → green
    ['2021-09-07', 't10_coordinator_coverage', 0.8, 'green'],
    // 1/2 = 0.5 / 0.5 = 1 → green
    ['2021-09-07', 't10_station_coverage', 0.5, 'green'],
    // on 10-31 expected 1: 0.8 → amber (exactly 0.80)
    ['2021-10-31', 't10_coordinator_coverage', 0.8, 'amber'],
    // past 10-31, short of 100 % → red
    ['2021-11-01', 't10_coordinator_coverage', 0.8, 'red'],
    ['2021-11-01', 't10_station_coverage', 0.5, 'red'],
  ])('as of %s %s = %d → %s', (asOf, code, value, status) => {
    const results = countyIndicators(county({ roster: roster(rows) }), anhui2021, asOf);
    expect(results[code]).toMatchObject({ value, status, judgedOn: asOf });
  });

  test('the denominator is the organisation tree, not the upload: 8 rows with coordinators of 16 villages → 0.5', () => {
    const results = countyIndicators(county({ villages: 16, roster: roster(villages(8)) }), anhui2021, '2021-09-07');
    expect(results.t10_coordinator_coverage).toMatchObject({ value: 0.5, numerator: 8, denominator: 16 });
  });

  test('a county with no eligible village is not scored on stations', () => {
    const results = countyIndicators(county({ roster: roster(villages(10)) }), anhui2021, '2021-11-01');
    expect(results.t10_station_coverage).toMatchObject({ value: null, status: null, score: null });
    expect(results.t10_coordinator_coverage).toMatchObject({ value: 1, status: 'green', score: 100 });
  });
});
