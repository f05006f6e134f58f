import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { forecastCounty, forecastLine, forecastSeries, median, quantile, type HistoryPoint } from './forecast';
import { county, report, roster, villages } from './test-factories';

const anhui2021 = builtinCampaign('anhui-2021');
const pts = (...rows: [string, number][]): HistoryPoint[] => rows.map(([on, value]) => ({ on: `2021-${on}`, value }));

describe('quantiles of the pairwise slopes', () => {
  test.each([
    [[3, 1, 2], 0.5, 2],
    [[0, 0.005, 0.01], 0.25, 0.0025],
    [[0, 0.005, 0.01], 0.75, 0.0075],
    [[1, 2, 3, 4], 0.5, 2.5],
  ])('%j at %d is %d', (values, q, expected) => {
    expect(quantile(values, q)).toBeCloseTo(expected, 12);
  });
  test('median of an even set is the mean of the middle two', () => expect(median([4, 1, 3, 2])).toBe(2.5));
});

// Slopes per day; expected = latest + median slope × days to 10-31, capped at 100 %; low/high use the quartile slopes.
describe('forecast of one ratio series to 100 % by 10-31', () => {
  test.each<{
    name: string;
    series: HistoryPoint[];
    expected: number | null;
    low: number | null;
    high: number | null;
    reachOn: string | null;
    state: string;
    confidence: string;
  }>([
    {
      // slopes 0.01, 0.01, 0.01; 0.6 + 0.01 × 40 = 1.0; (1 − 0.6) / 0.01 = 40 days after 09-21
      name: 'steady pace reaching exactly on the day',
      series: pts(['09-01', 0.4], ['09-11', 0.5], ['09-21', 0.6]),
      expected: 1,
      low: 1,
      high: 1,
      reachOn: '2021-10-31',
      state: 'on_track',
      confidence: '依据充分',
    },
    {
      // slopes all 0.005; 0.3 + 0.005 × 40 = 0.5; 0.7 / 0.005 = 140 days after 09-21 = 2022-02-08
      name: 'slow pace misses',
      series: pts(['09-01', 0.2], ['09-11', 0.25], ['09-21', 0.3]),
      expected: 0.5,
      low: 0.5,
      high: 0.5,
      reachOn: '2022-02-08',
      state: 'will_miss',
      confidence: '依据充分',
    },
    {
      // slopes 0, 0.005, 0.01 → median 0.005 (0.9), low 0.0025 (0.8), high 0.0075 (1.0); 0.3 / 0.005 = 60 days → 11-20
      name: 'uneven pace: only the fast end reaches',
      series: pts(['09-01', 0.6], ['09-11', 0.6], ['09-21', 0.7]),
      expected: 0.9,
      low: 0.8,
      high: 1,
      reachOn: '2021-11-20',
      state: 'at_risk',
      confidence: '依据充分',
    },
    {
      // one slope 0.01: 0.8 + 0.01 × 30 = 1.1, capped at the whole; (1 − 0.8) / 0.01 = 20 days → 10-21
      name: 'two points: a pace but no interval, never past 100 %',
      series: pts(['09-01', 0.5], ['10-01', 0.8]),
      expected: 1,
      low: null,
      high: null,
      reachOn: '2021-10-21',
      state: 'on_track',
      confidence: '依据不足',
    },
    {
      name: 'one point: no pace',
      series: pts(['09-21', 0.6]),
      expected: 0.6,
      low: null,
      high: null,
      reachOn: null,
      state: 'at_risk',
      confidence: '无法推算',
    },
    {
      name: 'no data at all',
      series: [],
      expected: null,
      low: null,
      high: null,
      reachOn: null,
      state: 'at_risk',
      confidence: '无法推算',
    },
    {
      // slopes −0.01 everywhere: read as no progress, so it stays 0.6 and never reaches
      name: 'a falling series is read as standing still',
      series: pts(['09-01', 0.8], ['09-11', 0.7], ['09-21', 0.6]),
      expected: 0.6,
      low: 0.6,
      high: 0.6,
      reachOn: null,
      state: 'will_miss',
      confidence: '依据充分',
    },
    {
      // the 08-01 point is outside the last four: slopes 0.01 × 6 → 0.7 + 0.3 = 1.0; reached 30 days after 10-01
      name: 'only the last four points count',
      series: pts(['08-01', 0], ['09-01', 0.4], ['09-11', 0.5], ['09-21', 0.6], ['10-01', 0.7]),
      expected: 1,
      low: 1,
      high: 1,
      reachOn: '2021-10-31',
      state: 'on_track',
      confidence: '依据充分',
    },
    {
      name: 'already at 100 %',
      series: pts(['09-01', 0.9], ['09-21', 1]),
      expected: 1,
      low: null,
      high: null,
      reachOn: '2021-09-21',
      state: 'on_track',
      confidence: '依据不足',
    },
  ])('$name', ({ series, expected, low, high, reachOn, state, confidence }) => {
    const f = forecastSeries('t10_coordinator_coverage', series, 1, '2021-10-31', true);
    for (const [got, want] of [
      [f.expected, expected],
      [f.low, low],
      [f.high, high],
    ] as const) {
      if (want === null) expect(got).toBeNull();
      else expect(got).toBeCloseTo(want, 9);
    }
    expect(f.reachOn).toBe(reachOn);
    expect(f.state).toBe(state);
    expect(f.confidence).toBe(confidence);
    expect(f.method.length).toBeGreaterThan(5);
  });
});

test('a count threshold is capped at its minimum: 2 → 5 in 30 days reaches 8 on 10-30', () => {
  // slope 3 / 30 = 0.1 a day; 5 + 0.1 × 31 = 8.1, shown as the 8 asked; (8 − 5) / 0.1 = 30 days after 09-30
  const f = forecastSeries('t04_departments_sharing', pts(['08-31', 2], ['09-30', 5]), 8, '2021-10-31', false);
  expect(f.expected).toBe(8);
  expect(f.reachOn).toBe('2021-10-30');
  expect(f.state).toBe('on_track');
});

test('the method line names the points and the pace', () => {
  // 0.01 a day = 30 percentage points a month
  const f = forecastSeries('x', pts(['09-01', 0.4], ['09-11', 0.5], ['09-21', 0.6]), 1, '2021-10-31', true);
  expect(f.method).toBe('按近 3 次数据（9月1日—9月21日）的中位增速推算（每月约增 30.0 个百分点），最高按 100% 计');
});

describe('a county at 10-10 from its rosters and reports known then', () => {
  // 10 villages, 2 of them eligible (250 recipients) and never with a station; coordinators 2 → 5 → 8 of 10
  const rosterWith = (withCoordinator: number, uploadedAt: string) =>
    roster(
      [...villages(2, { longTermRecipients: 250, stations: 0 }), ...villages(8, { longTermRecipients: 50 })].map(
        (v, i) => ({ ...v, coordinators: i < withCoordinator ? 1 : 0 }),
      ),
      uploadedAt,
    );
  const history = {
    rosters: [
      rosterWith(2, '2021-08-01T02:00:00.000Z'),
      rosterWith(5, '2021-09-01T02:00:00.000Z'),
      rosterWith(8, '2021-10-01T02:00:00.000Z'),
    ],
    reports: [
      report('2021-08', { t04_departments_sharing: '2', t04_platform_live: 'false' }),
      report('2021-09', { t04_departments_sharing: '5', t04_platform_live: 'false' }),
    ],
  };
  const c = county({ villages: 10, roster: history.rosters[2]!, report: history.reports[1]! });
  const f = forecastCounty(c, history, { m2_coordinators: 'pending', m3_stations: 'pending' }, anhui2021, '2021-10-10');

  test('coordinators: slopes 0.3/31, 0.6/61, 0.3/30 → 0.8 + 30 × 0.6/61 = 1.095, capped: on track', () => {
    const m2 = f.gates.find((g) => g.gate === 'm2_coordinators')!;
    expect(m2.expected).toBe(1);
    expect(m2.current).toBeCloseTo(0.8, 12);
    // (1 − 0.8) / (0.6 / 61) = 20.33 → 21 days after 10-01
    expect(m2.reachOn).toBe('2021-10-22');
    expect(m2.state).toBe('on_track');
  });
  test('stations: 0 of 2 three times over → stays 0, will miss', () => {
    const m3 = f.gates.find((g) => g.gate === 'm3_stations')!;
    expect(m3.expected).toBe(0);
    expect(m3.state).toBe('will_miss');
    expect(f.state).toBe('will_miss');
  });
  test('departments sharing, from the reports judged on 08-31 and 09-30: reaches 8 on 10-30', () => {
    const t = f.indicators.find((i) => i.indicator === 't04_departments_sharing')!;
    expect(t.reachOn).toBe('2021-10-30');
    expect(t.state).toBe('on_track');
  });
  test('a yes/no item not done has no pace: at risk', () => {
    const t = f.indicators.find((i) => i.indicator === 't04_platform_live')!;
    expect(t.state).toBe('at_risk');
    expect(t.method).toContain('无法按进度推算');
  });
  test('nothing with a past deadline is forecast', () => {
    const after = forecastCounty(c, history, {}, anhui2021, '2021-11-01');
    expect(after.gates).toEqual([]);
    expect(after.indicators.map((i) => i.indicator)).toEqual(['t11_typical_cases']);
  });
});

test('a gate already met stays on track', () => {
  const full = roster(villages(10), '2021-09-01T02:00:00.000Z');
  const f = forecastCounty(
    county({ roster: full }),
    { rosters: [full], reports: [] },
    { m2_coordinators: 'met', m3_stations: 'n/a' },
    anhui2021,
    '2021-09-10',
  );
  expect(f.gates.map((g) => [g.gate, g.state])).toEqual([['m2_coordinators', 'on_track']]);
});

test.each([
  // slopes 0, 0.005, 0.01: expected 0.9, interval 0.8—1.0, reached 11-20 (after the deadline)
  [
    pts(['09-01', 0.6], ['09-11', 0.6], ['09-21', 0.7]),
    '按当前进度：10月31日预计 90%（区间 80%—100%），约 2021-11-20 才能达到目标 · 有逾期风险',
  ],
  [pts(['09-01', 0.5], ['10-01', 0.8]), '按当前进度：10月31日预计 100%，约 10月21日 达到目标 · 可按期完成（依据不足）'],
  [pts(['09-01', 0.8], ['09-11', 0.7], ['09-21', 0.6]), '按当前进度：10月31日预计 60%，按此进度达不到目标 · 预计逾期'],
])('the line under a gate: %#', (series, line) => {
  expect(forecastLine(forecastSeries('x', series, 1, '2021-10-31', true))).toBe(line);
});
