import { afterEach, describe, expect, test, vi } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { computeStatus, countyStatus, rankStatus, rankSteps } from './status';
import { ASOF, bengbu, board, huainan, one, onTime, perfect, perfectValues, shortRoster } from './status-fixtures';
import { city, county, report, roster, village, villages } from './test-factories';

const anhui2021 = builtinCampaign('anhui-2021');

// ---- the scenario, as of 2021-11-10 (October reports due 11-05) ----
const A = perfect('340321', '3403', ASOF);
// boundaries: 95/100 = 0.95 → green 95; 32/40 = 0.80 → amber 80; 21 days ≤ 22 → amber 20/21; 1 over-limit case → amber 50; 0 warnings → not scored
const B = perfect('340322', '3403', ASOF, {
  t02_incapable_covered: '95',
  t09_care_agreements: '32',
  t06_avg_processing_days: '21',
  t06_over_limit_cases: '1',
  t04_warnings_issued: '0',
  t04_warnings_handled: '0',
});
// October report never sent: September's (judged on 09-30) is the newest known; 8 of 10 villages with a coordinator then and now
const C = perfect(
  '340323',
  '3403',
  ASOF,
  {},
  {
    report: report(
      '2021-09',
      { ...perfectValues, t02_incapable_identified: '200', t02_incapable_covered: '120', t04_departments_sharing: '5' },
      '2021-10-03T02:00:00.000Z',
    ),
    firstSubmissions: {
      '2021-07': '2021-08-03T02:00:00.000Z',
      '2021-08': '2021-09-03T02:00:00.000Z',
      '2021-09': '2021-10-03T02:00:00.000Z',
    },
    roster: shortRoster(),
    rosterAtDeadline: shortRoster(),
    laggingAtSupervision: true,
  },
);
const G = perfect('340324', '3403', ASOF);
// 9 full-time among 10 coordinators
const D = perfect(
  '340402',
  '3404',
  ASOF,
  {},
  {
    roster: roster([
      village({ longTermRecipients: 250, stations: 1, coordinatorsFullTime: 1 }),
      ...villages(8, { coordinatorsFullTime: 1 }),
      village(),
    ]),
  },
);
// 90 coordinators (9 a village), 1 full-time
const E = perfect(
  '340403',
  '3404',
  ASOF,
  {},
  {
    roster: roster([
      village({ longTermRecipients: 250, stations: 1, coordinators: 9, coordinatorsFullTime: 1 }),
      ...villages(9, { coordinators: 9 }),
    ]),
  },
);
// nothing known at all
const F = county({ code: '340404', name: '340404', cityCode: '3404', laggingAtSupervision: false });

const result = computeStatus(board([A, B, C, G, D, E, F]));
const byCode = (code: string) => {
  const found = result.counties.find((c) => c.code === code);
  if (!found) throw new Error(code);
  return found;
};

// B: T06 = (100 + 100 + 2000/21 + 50) / 4; seven tasks at 100, T02 95, T09 80, T01 unscored → / 10
const scoreB = (700 + 95 + 80 + (250 + 2000 / 21) / 4) / 10; // 96.13
// C: T02 = 0.6 / (77/108) = 6480/77 = 84.16 (amber); T10 = (80 + 100 + 100) / 3; T04 has the amber 5 departments unscored → 100
const scoreC = (800 + 6480 / 77 + 280 / 3) / 10; // 97.75

describe('the scenario as of 2021-11-10', () => {
  test.each([
    // code, score, rank in city, rank in province, watch, lagging, reasons
    // 蚌埠 shows 100, 100, 97.8, 96.1: the two at 100 share 第1名 and are never watched; the two below 100 are its only watch
    ['340321', 100, 1, 1, false, []],
    ['340324', 100, 1, 1, false, []],
    ['340323', scoreC, 3, 5, true, ['gate_overdue:m2', 'late_report']],
    ['340322', scoreB, 4, 6, true, []],
    // four counties at 100 province-wide share 第1名, so the next is 5th (competition ranking)
    ['340402', 100, 1, 1, false, []],
    ['340403', 100, 1, 1, false, []],
    [
      '340404',
      0,
      3,
      7,
      true,
      ['gate_overdue:m1', 'gate_overdue:m2', 'gate_overdue:m3', 'low_score', 'many_red', 'late_report'],
    ],
  ])(
    '%s: score %d, rank %i in city and %i in province, watch %s, reasons %o',
    (code, score, inCity, inProvince, watch, reasons) => {
      const c = byCode(code);
      expect(c.score).toBeCloseTo(score, 9);
      expect([c.rankInCity, c.rankInProvince, c.watch]).toEqual([inCity, inProvince, watch]);
      expect(c.reasons.map((r) => r.code)).toEqual(reasons);
      expect(c.lagging).toBe(reasons.length > 0);
    },
  );

  test.each([
    ['340322', 't02_incapable_covered', 'green', 95], // exactly 0.95
    ['340322', 't09_care_agreements', 'amber', 80], // exactly 0.80
    ['340322', 't06_avg_processing_days', 'amber', 2000 / 21], // ≤ L: 21 within 1.1 × 20
    ['340322', 't06_over_limit_cases', 'amber', 50], // = 0: one case
    ['340322', 't04_warnings_handled', null, null], // 0 issued: not scored
    ['340323', 't02_incapable_covered', 'amber', 6480 / 77], // ramped on 09-30
    ['340323', 't04_departments_sharing', 'amber', null], // 5 < 8 on 09-30, before the deadline: not scored
    ['340323', 't10_coordinator_coverage', 'red', 80], // 0.80 would be amber, but 11-10 is past 10-31
    ['340404', 't04_platform_live', 'missing', 0],
    ['340404', 't10_station_coverage', 'missing', 0],
  ])('%s %s → %s, score %s', (code, indicator, status, score) => {
    const figure = byCode(code).indicators[indicator];
    expect(figure?.status).toBe(status);
    if (score === null) expect(figure?.score).toBeNull();
    else expect(figure?.score).toBeCloseTo(score, 9);
  });

  test.each([
    ['340321', { rank: 1, tied: true }, { rank: 1, tied: true }],
    ['340323', { rank: 3, tied: false }, { rank: 5, tied: false }],
    ['340404', { rank: 3, tied: false }, { rank: 7, tied: false }],
  ])('%s places: in city %o, in province %o', (code, inCity, inProvince) => {
    expect([byCode(code).cityRank, byCode(code).provinceRank]).toEqual([inCity, inProvince]);
  });

  test('timeliness of October (due 11-05): C never sent it, F knows nothing, the rest sent on 11-03', () => {
    const [bb, hn] = result.cities;
    expect(bb?.timeliness).toEqual({ period: '2021-10', onTime: 3, late: 0, missing: 1 });
    expect(hn?.timeliness).toEqual({ period: '2021-10', onTime: 2, late: 0, missing: 1 });
    expect(result.province.timeliness).toEqual({ period: '2021-10', onTime: 5, late: 0, missing: 2 });
    expect(byCode('340323').timeliness).toBe('missing');
  });

  test('gate counts: m2 overdue for C (8/10 villages) and F (no roster), met elsewhere', () => {
    expect(result.cities[0]?.gateCounts.m2_coordinators).toEqual({ met: 3, late: 0, overdue: 1, pending: 0, 'n/a': 0 });
    expect(result.province.gateCounts.m2_coordinators).toEqual({ met: 5, late: 0, overdue: 2, pending: 0, 'n/a': 0 });
    expect(result.province.gateCounts.m4_supervised).toEqual({ met: 0, late: 0, overdue: 0, pending: 1, 'n/a': 6 });
    expect(result.province.cityGateCounts.m5_city_summary).toEqual({
      met: 0,
      late: 0,
      overdue: 0,
      pending: 2,
      'n/a': 0,
    });
  });

  test('red indicators by indicator: C’s coordinators in 蚌埠; F’s 19 missing figures once each in 淮南', () => {
    expect(result.cities[0]?.redByIndicator).toEqual({ t10_coordinator_coverage: 1 });
    const hn = result.cities[1]?.redByIndicator ?? {};
    expect(Object.values(hn).reduce((a, b) => a + b, 0)).toBe(19);
    expect(hn).toMatchObject({ t04_platform_live: 1, t10_station_coverage: 1 });
    expect(result.province.redByIndicator.t10_coordinator_coverage).toBe(2);
  });

  test('exemplars: only the counties at full marks that are neither lagging nor watched', () => {
    const [bb, hn] = result.cities;
    expect(bb?.exemplars.T02).toEqual(['340321', '340324']);
    expect(bb?.exemplars.T09).toEqual(['340321', '340324']); // B's 32/40 falls short and B is watched anyway
    expect(hn?.exemplars.T06).toEqual(['340402', '340403']);
    expect(bb?.exemplars.T01).toEqual([]); // T01 has no target, so nobody meets one
    expect(byCode('340322').exemplarTasks).toEqual([]);
  });

  test('a September report is judged on 09-30 even when read on 11-10: expected 77/108', () => {
    const figure = byCode('340323').indicators.t02_incapable_covered;
    expect(figure?.judgedOn).toBe('2021-09-30');
    expect(figure?.expected).toBeCloseTo(77 / 108, 12);
  });

  test('reason sentences carry the figures', () => {
    expect(byCode('340323').reasons.map((r) => r.text)).toEqual([
      '村级社会救助协理员配备率 80%，低于截止日要求的 100%',
      '2021年10月月报应于2021年11月5日前报送，截至11月10日尚未报送',
    ]);
    // 19 targeted indicators, all missing
    expect(byCode('340404').redCount).toBe(19);
    // the first five in the campaign's order, by the documents' share name where the indicator has one
    expect(byCode('340404').reasons.find((r) => r.code === 'many_red')?.text).toBe(
      '19 项指标未达到序时进度要求（均未报送）：丧失劳动能力脱贫人口兜底纳入率、乡镇（街道）临时救助备用金建立率、' +
        '低收入人口动态监测信息平台建成、实现数据共享的部门数、预警信息核查处置率等 19 项',
    );
  });

  test('cities: mean of their counties, lagging counts, m5 pending, m4 duties', () => {
    const [bb, hn] = result.cities;
    expect(bb?.score).toBeCloseTo((200 + scoreB + scoreC) / 4, 9);
    expect(hn?.score).toBeCloseTo(200 / 3, 9); // (100 + 100 + 0) / 3
    expect([bb?.rank, hn?.rank]).toEqual([1, 2]);
    expect([bb?.laggingCount, hn?.laggingCount, result.province.laggingCount]).toEqual([1, 1, 2]);
    expect(bb?.gates.m5_city_summary).toBe('pending');
    expect(bb?.supervision).toEqual({ met: 0, late: 0, overdue: 0, pending: 1, 'n/a': 3 }); // C lagging on 11-01, not yet visited
    expect(result.province.score).toBeCloseTo((400 + scoreB + scoreC + 0) / 7, 9);
  });

  test('roll-ups recompute ratios from sums, never average them', () => {
    const bb = result.cities[0]?.figures;
    const hn = result.cities[1]?.figures;
    // 蚌埠: (100 + 95 + 120 + 100) / (100 + 100 + 200 + 100) = 415/500 = 0.83 (the mean of ratios would be 0.8875)
    expect(bb?.t02_incapable_covered).toEqual({ value: 0.83, numerator: 415, denominator: 500, countiesReporting: 4 });
    // 淮南: full-time 9/10 and 1/90 → 10/100 = 0.10, not (0.9 + 0.011) / 2 = 0.456; F has no roster
    expect(hn?.t10_full_time_share).toEqual({ value: 0.1, numerator: 10, denominator: 100, countiesReporting: 2 });
    // province: 415 + 200 over 500 + 200 = 615/700
    expect(result.province.figures.t02_incapable_covered?.value).toBeCloseTo(615 / 700, 12);
    // 12 + 21 + 12 + 12 (蚌埠) → mean 14.25 days
    expect(bb?.t06_avg_processing_days).toEqual({ value: 14.25, countiesReporting: 4 });
    // bools: 淮南 D and E answered 是, F nothing
    expect(hn?.t04_platform_live).toEqual({ value: 2, numerator: 2, denominator: 2, countiesReporting: 2 });
  });
});

describe('ranking judged counties a caller keeps (the status cache after one county’s write)', () => {
  const input = board([A, B, C, G, D, E, F]);
  const judged = input.counties.map((c) => countyStatus(c, anhui2021, ASOF));
  const before = rankStatus(input, judged);
  // C sends its October report and a full roster: at full marks, no longer lagging. Only C is judged again.
  const fixedC = perfect('340323', '3403', ASOF);
  const after = rankStatus(
    input,
    judged.map((j) => (j.code === '340323' ? countyStatus(fixedC, anhui2021, ASOF) : j)),
  );

  test('the city of the changed county is summed again: 蚌埠 lagging 1 → 0, its mean (300 + B) / 4', () => {
    expect([before.cities[0]?.laggingCount, after.cities[0]?.laggingCount]).toEqual([1, 0]);
    expect(after.cities[0]?.score).toBeCloseTo((300 + scoreB) / 4, 9);
    // C at full marks joins A and G as an example of T02, all three tied first in the city, so by code.
    expect([before.cities[0]?.exemplars.T02, after.cities[0]?.exemplars.T02]).toEqual([
      ['340321', '340324'],
      ['340321', '340323', '340324'],
    ]);
    expect(after.province.laggingCount).toBe(1);
  });

  test('the answer equals a full recomputation from the inputs', () => {
    expect(after).toEqual(computeStatus(board([A, B, fixedC, G, D, E, F])));
    expect(before).toEqual(result);
  });

  test('a county changed behind the city’s first, its watch flag unchanged, is summed again', () => {
    // G stays at full marks (so unwatched) but is judged lagging: a new judged object in the fourth place of 蚌埠.
    const base = structuredClone(judged);
    const first = rankStatus(input, base);
    const g = base.find((j) => j.code === '340324')!;
    const laggingG = { ...g, lagging: true, reasons: base.find((j) => j.code === '340323')!.reasons };
    const changed = base.map((j) => (j === g ? laggingG : j));
    const kept = rankStatus(input, changed);
    expect([first.cities[0]?.laggingCount, kept.cities[0]?.laggingCount]).toEqual([1, 2]);
    expect(kept.cities[0]?.exemplars.T02).toEqual(['340321']);
    // The same as ranking copies nobody has ranked before.
    expect(kept).toEqual(rankStatus(input, structuredClone(changed)));
  });

  test('ranked in steps with another day ranked between them (a server between turns), the answer is the same', () => {
    const steps = rankSteps(input, judged);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses += 1;
      // Another reader's day, ranked from the same judged counties while this ranking waits.
      rankStatus({ ...input, asOf: '2021-12-20' }, judged);
      step = steps.next();
    }
    // It pauses after the province's places, after ranking the cities, making the counties and summing the cities.
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(step.value).toEqual(result);
  });

  test('the same judged counties on another day are summed again', () => {
    const later = rankStatus({ ...input, asOf: '2021-12-20' }, judged);
    expect(later).toEqual(rankStatus({ ...input, asOf: '2021-12-20' }, structuredClone(judged)));
    expect(later.cities[0]?.timeliness).not.toEqual(before.cities[0]?.timeliness);
  });
});

describe('pending before the first due date, missing from it', () => {
  test.each([
    ['2021-08-04', 'pending', null, 'pending', false],
    ['2021-08-05', 'missing', 0, 'overdue', true],
  ])('nothing known as of %s → %s', (asOf, status, score, m1, lagging) => {
    const c = one(county({ code: '340404', cityCode: '3404' }), asOf);
    expect(c.indicators.t02_incapable_covered).toMatchObject({ status, score });
    expect(c.indicators.t10_coordinator_coverage).toMatchObject({ status, score });
    expect(c.score).toBe(score);
    expect(c.gates.m1_plan_issued).toBe(m1);
    expect(c.lagging).toBe(lagging);
  });
});

describe('each lagging reason alone', () => {
  test.each([
    [
      'gate_overdue:m1',
      perfect('340321', '3403', ASOF, { s1_plan_issued_on: null }),
      ASOF,
      '实施方案未按期印发（应于2021年7月15日前印发）',
    ],
    [
      'gate_overdue:m2',
      perfect(
        '340321',
        '3403',
        ASOF,
        {},
        {
          roster: roster([
            village({ longTermRecipients: 250, stations: 1 }),
            ...villages(8),
            village({ coordinators: 0 }),
          ]),
          rosterAtDeadline: null,
        },
      ),
      ASOF,
      '村级社会救助协理员配备率 90%，低于截止日要求的 100%',
    ],
    [
      'gate_overdue:m3',
      perfect(
        '340321',
        '3403',
        ASOF,
        {},
        { roster: roster([village({ longTermRecipients: 250 }), ...villages(9)]), rosterAtDeadline: null },
      ),
      ASOF,
      '符合条件村（社区）服务站（点）建成率 0%，低于截止日要求的 100%',
    ],
    // T02 0/100 → 0, T09 0/40 → 0 (two reds), T03 8/10 → 80 amber, T06 (100+100+100+50)/4 = 87.5 → (0 + 80 + 87.5 + 0 + 6 × 100) / 10 = 76.75
    [
      'low_score',
      perfect('340321', '3403', ASOF, {
        t02_incapable_covered: '0',
        t09_care_agreements: '0',
        t03_townships_with_reserve: '8',
        t06_over_limit_cases: '1',
      }),
      ASOF,
      '综合得分 76.8 分，低于 80 分',
    ],
    // November report judged 11-30, past 10-31: 96/100 → red 96; 39/40 → red 97.5; 7 departments < 8 → red 87.5
    [
      'many_red',
      perfect('340321', '3403', '2021-12-10', {
        t02_incapable_covered: '96',
        t09_care_agreements: '39',
        t04_departments_sharing: '7',
      }),
      '2021-12-10',
      '3 项指标未达到序时进度要求：丧失劳动能力脱贫人口兜底纳入率、实现数据共享的部门数、分散供养特困人员照料协议签订率',
    ],
    // October first submitted 11-12 Beijing: 7 days after 11-05
    [
      'late_report',
      perfect(
        '340321',
        '3403',
        ASOF,
        {},
        { firstSubmissions: { ...onTime(ASOF), '2021-10': '2021-11-12T02:00:00.000Z' } },
      ),
      ASOF,
      '2021年10月月报应于2021年11月5日前报送，首次报送晚于截止日 7 天',
    ],
  ])('%s', (code, c, asOf, text) => {
    expect(one(c, asOf).reasons).toMatchObject([{ code, text }]);
  });

  test('many_red leaves the score above 80: (96 + 97.5 + (100 + 87.5 + 100)/3 + 7 × 100) / 10', () => {
    const c = one(
      perfect('340321', '3403', '2021-12-10', {
        t02_incapable_covered: '96',
        t09_care_agreements: '39',
        t04_departments_sharing: '7',
      }),
      '2021-12-10',
    );
    expect(c.score).toBeCloseTo((96 + 97.5 + 287.5 / 3 + 700) / 10, 9);
    expect(c.indicators.t04_departments_sharing).toMatchObject({ status: 'red', score: 87.5 }); // threshold after its deadline: 7/8
  });
});

describe('gates through computeStatus', () => {
  test.each([
    ['m1 met', perfect('340321', '3403', ASOF), ASOF, 'm1_plan_issued', 'met'],
    ['m1 late', perfect('340321', '3403', ASOF, { s1_plan_issued_on: '2021-07-20' }), ASOF, 'm1_plan_issued', 'late'],
    [
      'm2 pending before the deadline',
      perfect('340321', '3403', '2021-10-20', {}, { roster: shortRoster() }),
      '2021-10-20',
      'm2_coordinators',
      'pending',
    ],
    [
      'm2 late',
      perfect('340321', '3403', ASOF, {}, { rosterAtDeadline: shortRoster() }),
      ASOF,
      'm2_coordinators',
      'late',
    ],
    [
      'm3 n/a without eligible villages',
      perfect('340321', '3403', ASOF, {}, { roster: roster(villages(10)), rosterAtDeadline: roster(villages(10)) }),
      ASOF,
      'm3_stations',
      'n/a',
    ],
    [
      'm4 met',
      perfect('340321', '3403', '2021-12-10', {}, { laggingAtSupervision: true, visits: ['2021-11-20'] }),
      '2021-12-10',
      'm4_supervised',
      'met',
    ],
    [
      'm4 late',
      perfect('340321', '3403', '2021-12-10', {}, { laggingAtSupervision: true, visits: ['2021-12-02'] }),
      '2021-12-10',
      'm4_supervised',
      'late',
    ],
    [
      'm4 overdue',
      perfect('340321', '3403', '2021-12-10', {}, { laggingAtSupervision: true }),
      '2021-12-10',
      'm4_supervised',
      'overdue',
    ],
  ] as const)('%s', (_label, c, asOf, gate, status) => {
    const judged = one(c, asOf);
    expect(judged.gates[gate]).toBe(status);
    expect(judged.lagging).toBe(false); // none of these is a county lagging reason
  });

  test.each([
    ['2021-12-15T10:00:00.000Z', '2021-12-20', 'met'],
    ['2021-12-16T01:00:00.000Z', '2021-12-20', 'late'],
    [null, '2021-12-16', 'overdue'],
    [null, '2021-12-15', 'pending'],
  ])('m5: summary %s, as of %s → %s', (summarySubmittedAt, asOf, status) => {
    const input = { ...board([], asOf), cities: [city({ summarySubmittedAt })] };
    expect(computeStatus(input).cities[0]?.gates.m5_city_summary).toBe(status);
  });
});

describe('ranking', () => {
  test('cities tied on score share the rank', () => {
    const input = {
      ...board([perfect('340402', '3404', ASOF), perfect('340321', '3403', ASOF)]),
      cities: [huainan, bengbu],
    };
    expect(computeStatus(input).cities.map((c) => [c.code, c.provinceRank])).toEqual([
      ['3404', { rank: 1, tied: true }],
      ['3403', { rank: 1, tied: true }],
    ]);
  });

  test('a county with nothing scored has no rank', () => {
    const c = one(county({ code: '340404', cityCode: '3404' }), '2021-08-04');
    expect([c.score, c.cityRank, c.provinceRank]).toEqual([
      null,
      { rank: null, tied: false },
      { rank: null, tied: false },
    ]);
  });

  test('a county of a city not in the input fails loudly', () => {
    expect(() => computeStatus(board([perfect('341302', '3413', ASOF)]))).toThrow(/3413/);
  });
});

describe('computeStatus uses only what it is given', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('the clock plays no part', () => {
    const input = board([A, B, C, F]);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2021-08-01T00:00:00Z'));
    const early = computeStatus(input);
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    expect(computeStatus(input)).toEqual(early);
  });

  test('the input is not changed', () => {
    const input = board([A, B, C, F]);
    const copy = structuredClone(input);
    computeStatus(input);
    expect(input).toEqual(copy);
  });

  test('a county is judged on its own data: another county’s report does not move its figures', () => {
    const alone = countyStatus(C, anhui2021, ASOF);
    const withOthers = computeStatus(board([C, perfect('340321', '3403', ASOF, { t02_incapable_covered: '0' })]))
      .counties[0];
    expect(withOthers?.indicators).toEqual(alone.indicators);
    expect(withOthers?.reasons).toEqual(alone.reasons);
  });

  test('what was known is trusted as given: a later-dated report passed in is used, filtering is the caller’s job', () => {
    const leaked = perfect(
      '340321',
      '3403',
      '2021-09-10',
      {},
      { report: report('2021-11', { ...perfectValues, t02_incapable_covered: '60' }, '2021-12-03T02:00:00.000Z') },
    );
    // the November report's 60/100, judged on the day asked (never after it)
    expect(one(leaked, '2021-09-10').indicators.t02_incapable_covered).toMatchObject({
      value: 0.6,
      judgedOn: '2021-09-10',
    });
  });
});
