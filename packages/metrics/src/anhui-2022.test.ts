import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { computeStatus } from './status';
import { deadlines, latestDuePeriod, supervisionStart } from './schedule';
import { city, county, report, roster, village, villages } from './test-factories';
import type { CaseRecord, CountyInput, StatusInput } from './types';

// A second, different plan: quarterly 季报 due 10 days after each quarter, six weighted tasks, other gates and
// thresholds (green 0.9, amber 0.7, lowScore 75, manyRed 2, eligible from 100 recipients). Nothing in the metrics
// names its codes; every figure below is worked out by hand from the definition file.
const anhui2022 = builtinCampaign('anhui-2022');
const ASOF = '2022-07-20'; // Q1 was due 04-10, Q2 was due 07-10: Q2 is the latest period due

const hefei = city({ code: '3401', name: '合肥市' });
const wuhu = city({ code: '3402', name: '芜湖市' });

// 10 villages with a 民政 member; two eligible (≥ 100 recipients), each with a station.
const fullRoster = () =>
  roster(
    [
      village({ longTermRecipients: 120, stations: 1 }),
      village({ longTermRecipients: 150, stations: 1 }),
      ...villages(8),
    ],
    '2022-05-01T02:00:00.000Z',
  );
// 8 of 10 with a 民政 member; of the two eligible villages only the first has a station.
const weakRoster = () =>
  roster(
    [
      village({ longTermRecipients: 120, stations: 1 }),
      village({ longTermRecipients: 150, stations: 0 }),
      ...villages(6),
      ...villages(2, { civilAffairsMember: false }),
    ],
    '2022-05-01T02:00:00.000Z',
  );

const decided = (appliedOn: string, decidedOn: string): CaseRecord => ({
  caseId: `${appliedOn}-${decidedOn}`,
  kind: '低保',
  townshipCode: '340202001',
  appliedOn,
  decidedOn,
});

// A: everything met. Q1 and Q2 on time.
const countyA: CountyInput = county({
  code: '340102',
  name: '瑶海区',
  cityCode: '3401',
  firstSubmissions: { '2022-Q1': '2022-04-08T02:00:00.000Z', '2022-Q2': '2022-07-08T02:00:00.000Z' },
  report: report(
    '2022-Q2',
    {
      p1_plan_on: '2022-03-20',
      k1_low_income_identified: '200',
      k1_low_income_covered: '190',
      k2_temp_aid_cases: '100',
      k2_temp_aid_fast: '85',
      k3_avg_days: '12',
      k3_over_limit: '0',
      k5_hotline_live: 'true',
      k6_events: '5',
    },
    '2022-07-08T02:00:00.000Z',
  ),
  roster: fullRoster(),
  rosterAtDeadline: fullRoster(),
  rostersAtDeadlines: { '2022-06-30': fullRoster() },
});

// B: no plan date, weak figures and roster, Q2 five days late (within the 10-day grace of late_report).
const countyB: CountyInput = county({
  code: '340103',
  name: '庐阳区',
  cityCode: '3401',
  firstSubmissions: { '2022-Q1': '2022-04-09T02:00:00.000Z', '2022-Q2': '2022-07-15T02:00:00.000Z' },
  report: report(
    '2022-Q2',
    {
      p1_plan_on: null,
      k1_low_income_identified: '200',
      k1_low_income_covered: '144',
      k2_temp_aid_cases: '50',
      k2_temp_aid_fast: '20',
      k3_avg_days: '18',
      k3_over_limit: '3',
      k5_hotline_live: 'false',
      k6_events: '2',
    },
    '2022-07-15T02:00:00.000Z',
  ),
  roster: weakRoster(),
  rosterAtDeadline: weakRoster(),
  rostersAtDeadlines: { '2022-06-30': weakRoster() },
});

// C: plan two days late, no roster, a case log replacing the reported processing figures (30 days, 5 cases).
const countyC: CountyInput = county({
  code: '340202',
  name: '镜湖区',
  cityCode: '3402',
  firstSubmissions: { '2022-Q1': '2022-04-07T02:00:00.000Z', '2022-Q2': '2022-07-09T02:00:00.000Z' },
  report: report(
    '2022-Q2',
    {
      p1_plan_on: '2022-04-02',
      k1_low_income_identified: '100',
      k1_low_income_covered: '90',
      k2_temp_aid_cases: '40',
      k2_temp_aid_fast: '32',
      k3_avg_days: '30',
      k3_over_limit: '5',
      k5_hotline_live: 'true',
      k6_events: '4',
    },
    '2022-07-09T02:00:00.000Z',
  ),
  // 05-09 (Mon) → 05-13 (Fri): 4 working days; 05-09 → 05-31: 4 + 5 + 5 + 2 = 16 > 15; one still undecided.
  caseLog: [
    decided('2022-05-09', '2022-05-13'),
    decided('2022-05-09', '2022-05-31'),
    { ...decided('2022-06-01', '2022-06-01'), decidedOn: null },
  ],
});

const board = (counties: CountyInput[], asOf = ASOF, cities = [hefei, wuhu]): StatusInput => ({
  campaign: anhui2022,
  asOf,
  province: { code: '34', name: '安徽省' },
  cities,
  counties,
});

describe('anhui-2022: a quarterly plan with its own gates, tasks and thresholds', () => {
  test('the definition file is quarterly, named 季报, with one gate of each kind', () => {
    expect(anhui2022.periods).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
    expect(anhui2022.reportName).toBe('季报');
    expect(anhui2022.gates.map((g) => g.kind).sort()).toEqual([
      'date_by',
      'roster_condition',
      'roster_condition',
      'summary_submitted',
      'supervision_of_lagging',
    ]);
    expect(supervisionStart(anhui2022)).toBe('2022-10-15');
  });

  test('quarterly deadlines: each 季报 10 days after its quarter ends', () => {
    const reports = deadlines(anhui2022).filter((d) => d.label.endsWith('季报报送'));
    expect(reports).toEqual([
      { on: '2022-04-10', label: '2022-Q1 季报报送' },
      { on: '2022-07-10', label: '2022-Q2 季报报送' },
      { on: '2022-10-10', label: '2022-Q3 季报报送' },
      { on: '2023-01-10', label: '2022-Q4 季报报送' },
    ]);
    expect(latestDuePeriod(anhui2022, '2022-07-09')).toBe('2022-Q1');
    expect(latestDuePeriod(anhui2022, ASOF)).toBe('2022-Q2');
  });

  const result = computeStatus(board([countyA, countyB, countyC]));
  const byCode = (code: string) => result.counties.find((c) => c.code === code)!;

  test('county A meets everything: score 100, every county gate of this campaign met, exemplar of all six tasks', () => {
    const a = byCode('340102');
    // k1 190/200 = 0.95 ≥ 0.9; k2 85/100 = 0.85 ≥ 0.8; 12 ≤ 15 days; 0 over limit; hotline yes; 5 ≥ 4 events;
    // 民政 member 10/10; stations 2/2 eligible (ramp to 09-30 expects 200/272 by 07-20) → every scored figure 100.
    expect(a.score).toBe(100);
    expect(a.gates).toEqual({ g_plan: 'met', g_members: 'met', g_stations: 'met', g_visit: 'n/a' });
    expect(a.lagging).toBe(false);
    expect(a.timeliness).toBe('on_time');
    expect(a.exemplarTasks).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6']);
  });

  test('county B: figures, task scores and score by hand', () => {
    const b = byCode('340103');
    // k1: 144/200 = 0.72, r = 0.72/0.9 = 0.8 → amber (0.7 ≤ r < 0.9), score 80
    expect(b.indicators.k1_low_income_covered).toMatchObject({ value: 0.72, status: 'amber' });
    expect(b.indicators.k1_low_income_covered!.score).toBeCloseTo(80, 9);
    // k2: 20/50 = 0.4, r = 0.5 → red, score 50
    expect(b.indicators.k2_temp_aid_fast).toMatchObject({ status: 'red' });
    expect(b.indicators.k2_temp_aid_fast!.score).toBeCloseTo(50, 9);
    // 18 days > 1.1 × 15 = 16.5 → red, score 15/18 × 100 = 83.33…; 3 cases over a limit of 0 → red, 0
    expect(b.indicators.k3_avg_days).toMatchObject({ value: 18, status: 'red' });
    expect(b.indicators.k3_avg_days!.score).toBeCloseTo(250 / 3, 9);
    expect(b.indicators.k3_over_limit).toMatchObject({ status: 'red', score: 0 });
    // 民政 member 8/10 = 0.8 judged 07-20, past its 06-30 deadline (expects 100 %) → red, score 80
    expect(b.indicators.r_member_coverage).toMatchObject({ numerator: 8, denominator: 10, status: 'red' });
    expect(b.indicators.r_member_coverage!.score).toBeCloseTo(80, 9);
    // stations 1/2 = 0.5; 07-20 is 200 of the 272 days from 01-01 to 09-30 → expected 200/272; r = 0.5 × 272/200 = 0.68 → red, 68
    expect(b.indicators.r_station_coverage).toMatchObject({ numerator: 1, denominator: 2, status: 'red' });
    expect(b.indicators.r_station_coverage!.expected).toBeCloseTo(200 / 272, 12);
    expect(b.indicators.r_station_coverage!.score).toBeCloseTo(68, 9);
    // hotline 0 and 2 events, judged on the quarter's end (06-30), not past either deadline → amber, unscored
    expect(b.indicators.k5_hotline_live).toMatchObject({ status: 'amber', score: null });
    expect(b.indicators.k6_events).toMatchObject({ status: 'amber', score: null });
    // tasks: K1 80, K2 50, K3 (83.33 + 0)/2 = 41.67, K4 (80 + 68)/2 = 74, K5 and K6 unscored
    expect(b.taskScores.K1).toBeCloseTo(80, 9);
    expect(b.taskScores.K2).toBeCloseTo(50, 9);
    expect(b.taskScores.K3).toBeCloseTo(125 / 3, 9);
    expect(b.taskScores.K4).toBeCloseTo(74, 9);
    expect(b.taskScores.K5).toBeNull();
    expect(b.taskScores.K6).toBeNull();
    // weights 2, 1, 1, 2 over the scored tasks: (160 + 50 + 41.67 + 148) / 6 = 399.67 / 6 = 66.61
    expect(b.score).toBeCloseTo((160 + 50 + 125 / 3 + 148) / 6, 9);
  });

  test('county B: gates by kind and the lagging reasons they give', () => {
    const b = byCode('340103');
    // no plan date once Q1 was due (04-10) → overdue; 8/10 members at 06-30 and now → overdue; stations short before 09-30 → pending
    expect(b.gates).toEqual({ g_plan: 'overdue', g_members: 'overdue', g_stations: 'pending', g_visit: 'n/a' });
    expect(b.reasons.map((r) => r.code)).toEqual([
      'gate_overdue:g_plan',
      'gate_overdue:g_members',
      'low_score',
      'many_red',
    ]);
    expect(b.reasons[0]!.text).toBe('工作方案未按期印发（应于2022年3月31日前印发）');
    // the roster gate cites the coverage it shows, by that indicator's short name, against its 100 % target
    expect(b.reasons[1]!.text).toBe('村（居）民政工作负责人明确率 80%，低于截止日要求的 100%');
    expect(b.reasons[2]!.text).toBe('综合得分 66.6 分，低于 75 分');
    // red: k2, k3_avg_days, k3_over_limit, r_member_coverage, r_station_coverage = 5 ≥ 2
    expect(b.reasons[3]!.text).toBe(
      '5 项指标未达到序时进度要求：临时救助快速审批率、低保审批平均时限（工作日）、超过15个工作日审批件数、' +
        '村（居）民政工作负责人明确率、符合条件村服务站（点）覆盖率',
    );
    // Q2 first submitted 07-15, 5 days after 07-10: late for 按时报送, but inside the 10 days late_report allows
    expect(b.timeliness).toBe('late');
  });

  test('county C: the case log replaces the reported processing figures; no roster scores 0', () => {
    const c = byCode('340202');
    // decided cases: 4 and 16 working days → average 10 ≤ 15 → 100; one case over 15 → 1 against a limit of 0 → amber, 50
    expect(c.indicators.k3_avg_days).toMatchObject({ value: 10, status: 'green', score: 100 });
    expect(c.indicators.k3_over_limit).toMatchObject({ value: 1, status: 'amber', score: 50 });
    expect(c.indicators.r_member_coverage).toMatchObject({ status: 'missing', score: 0 });
    // K1 100, K2 100, K3 (100 + 50)/2 = 75, K4 0, K5 100, K6 100 → (200 + 100 + 75 + 0 + 100 + 100)/8 = 71.875
    expect(c.taskScores).toEqual({ K1: 100, K2: 100, K3: 75, K4: 0, K5: 100, K6: 100 });
    expect(c.score).toBeCloseTo(71.875, 9);
    // plan 04-02 after 03-31 → late (not a reason); no roster past 06-30 → overdue; before 09-30 → pending
    expect(c.gates).toEqual({ g_plan: 'late', g_members: 'overdue', g_stations: 'pending', g_visit: 'n/a' });
    expect(c.reasons.map((r) => r.text)).toEqual([
      '未上传村级台账，村（居）民政工作负责人明确率未达到截止日要求的 100%',
      '综合得分 71.9 分，低于 75 分',
      '2 项指标未达到序时进度要求（均未报送）：村（居）民政工作负责人明确率、符合条件村服务站（点）覆盖率',
    ]);
  });

  test('ranks, cities and the province are keyed by this campaign’s gates', () => {
    // province order: A 100, C 71.875, B 66.61
    expect([...result.counties].sort((x, y) => x.rankInProvince - y.rankInProvince).map((c) => c.code)).toEqual([
      '340102',
      '340202',
      '340103',
    ]);
    const [h, w] = result.cities;
    // 合肥 (100 + 66.61)/2 = 83.31 ranks above 芜湖 71.875
    expect(h!.score).toBeCloseTo((100 + (160 + 50 + 125 / 3 + 148) / 6) / 2, 9);
    expect([h!.rank, w!.rank]).toEqual([1, 2]);
    expect(h!.gates).toEqual({ g_summary: 'pending' });
    expect(h!.gateCounts.g_members).toEqual({ met: 1, late: 0, overdue: 1, pending: 0, 'n/a': 0 });
    expect(h!.supervision).toEqual({ met: 0, late: 0, overdue: 0, pending: 0, 'n/a': 2 });
    expect(h!.exemplars.K1).toEqual(['340102']);
    const p = result.province;
    expect(p.gateCounts.g_plan).toEqual({ met: 1, late: 1, overdue: 1, pending: 0, 'n/a': 0 });
    expect(p.gateCounts.g_stations).toEqual({ met: 1, late: 0, overdue: 0, pending: 2, 'n/a': 0 });
    expect(p.cityGateCounts).toEqual({ g_summary: { met: 0, late: 0, overdue: 0, pending: 2, 'n/a': 0 } });
    expect(p.laggingCount).toBe(2);
    // Q2: A and C on time, B late
    expect(p.timeliness).toEqual({ period: '2022-Q2', onTime: 2, late: 1, missing: 0 });
  });

  test('each roster gate is judged on the roster known at its own deadline', () => {
    // members were short at 06-30 and complete since: late, while the stations gate (09-30) is not yet due
    const later = { ...countyB, roster: fullRoster(), rostersAtDeadlines: { '2022-06-30': weakRoster() } };
    expect(computeStatus(board([later])).counties[0]!.gates).toMatchObject({ g_members: 'late', g_stations: 'met' });
    // no roster known at 06-30 for this gate, whatever the single roster-at-deadline says: late, not met
    const noneThen = { ...countyA, rosterAtDeadline: fullRoster(), rostersAtDeadlines: { '2022-06-30': null } };
    expect(computeStatus(board([noneThen])).counties[0]!.gates.g_members).toBe('late');
  });

  test('supervision of those lagging on 10-15 is due by 11-30; the summary by the end of 12-20 Beijing', () => {
    const lagging = { ...countyB, laggingAtSupervision: true };
    expect(computeStatus(board([lagging], '2022-11-30')).counties[0]!.gates.g_visit).toBe('pending');
    expect(
      computeStatus(board([{ ...lagging, visits: ['2022-12-01'] }], '2022-12-05')).counties[0]!.gates.g_visit,
    ).toBe('late');
    expect(computeStatus(board([{ ...lagging, visits: [] }], '2022-12-01')).cities[0]!.supervision.overdue).toBe(1);
    // 12-20 23:59 Beijing = 15:59 UTC: on time; 12-21 00:00 Beijing: late
    const onTime = computeStatus(
      board([countyA], '2022-12-25', [{ ...hefei, summarySubmittedAt: '2022-12-20T15:59:00.000Z' }]),
    );
    const late = computeStatus(
      board([countyA], '2022-12-25', [{ ...hefei, summarySubmittedAt: '2022-12-20T16:00:00.000Z' }]),
    );
    expect([onTime.cities[0]!.gates.g_summary, late.cities[0]!.gates.g_summary]).toEqual(['met', 'late']);
  });
});
