import { describe, expect, test } from 'vitest';
import { type Thresholds } from '@dudao/schema/campaign';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { expectedStations, isEligible, rosterFigures, rosterVillageView } from './roster';
import { village, villages } from './test-factories';

const anhui2021 = builtinCampaign('anhui-2021');

const perVillage = anhui2021.thresholds;
const perFull200: Thresholds = { ...anhui2021.thresholds, stationPolicy: 'per_full_200' };

describe('eligible villages and expected stations', () => {
  test.each([
    [199, perVillage, false, 0],
    [200, perVillage, true, 1],
    [650, perVillage, true, 1],
    [199, perFull200, false, 0],
    [399, perFull200, true, 1], // ⌊399/200⌋ = 1
    [400, perFull200, true, 2], // ⌊400/200⌋ = 2
    [650, perFull200, true, 3], // ⌊650/200⌋ = 3
  ])(
    '%i long-term recipients (%o) → eligible %s, %i stations expected',
    (recipients, thresholds, eligible, stations) => {
      const v = village({ longTermRecipients: recipients });
      expect(isEligible(v, thresholds)).toBe(eligible);
      expect(expectedStations(v, thresholds)).toBe(stations);
    },
  );

  test('the eligibility threshold is read from the campaign', () => {
    expect(isEligible(village({ longTermRecipients: 150 }), { ...perVillage, eligibleRecipients: 150 })).toBe(true);
  });
});

describe('rosterFigures', () => {
  // 8 villages uploaded out of 10 in the organisation tree
  const rows = [
    village({ longTermRecipients: 250, stations: 1, coordinators: 2, coordinatorsFullTime: 1, coordinatorPay: 1200 }),
    village({ longTermRecipients: 420, stations: 1, coordinators: 1, coordinatorsFullTime: 1, coordinatorPay: 800 }),
    village({ longTermRecipients: 210, stations: 0, coordinators: 1, coordinatorsFullTime: 0, coordinatorPay: null }),
    village({
      longTermRecipients: 30,
      stations: 1,
      coordinators: 0,
      coordinatorsFullTime: 0,
      coordinatorPay: null,
      civilAffairsMember: false,
    }),
    ...villages(4, { longTermRecipients: 40, coordinators: 1, coordinatorsFullTime: 0, coordinatorPay: 1000 }),
  ];
  const byVillage = rosterFigures(rows, 10, anhui2021);

  test.each([
    // coordinators ≥ 1 in 7 of the 8 rows, over the 10 villages of the tree: 7/10
    ['t10_coordinator_coverage', 7, 10, 0.7],
    // eligible: 250, 420, 210 → 3; with ≥ 1 station: 2 → 2/3
    ['t10_station_coverage', 2, 3, 2 / 3],
    // 是 in 7 rows / 10 villages
    ['t10_civil_affairs_coverage', 7, 10, 0.7],
    // full-time 1+1 = 2 over coordinators 2+1+1+0+4 = 8 → 0.25
    ['t10_full_time_share', 2, 8, 0.25],
    // pay of villages with coordinators and a pay: 1200 + 800 + 4×1000 = 6000 over 6 → 1000
    ['t10_avg_pay', 6000, 6, 1000],
    // stations 1+1+0+1 = 3; recipients in eligible villages 250+420+210 = 880 → 880/200 = 4.4; 3/4.4
    ['t10_stations_per_200', 3, 4.4, 3 / 4.4],
  ])('%s = %d / %d', (code, numerator, denominator, value) => {
    const figure = byVillage[code]!;
    expect(figure.numerator).toBe(numerator);
    expect(figure.denominator).toBeCloseTo(denominator, 12);
    expect(figure.value).toBeCloseTo(value, 12);
  });

  test('counts: 3 eligible villages, 250+420+210+30+4×40 = 1070 recipients', () => {
    expect(byVillage.t10_eligible_villages?.value).toBe(3);
    expect(byVillage.t10_long_term_recipients?.value).toBe(1070);
  });

  test('per_full_200: 250 → 1 ✓, 420 → 2 with 1 ✗, 210 → 1 with 0 ✗ → 1/3', () => {
    const figure = rosterFigures(rows, 10, { ...anhui2021, thresholds: perFull200 }).t10_station_coverage!;
    expect([figure.numerator, figure.denominator]).toEqual([1, 3]);
  });

  test('no eligible village: station coverage has no value (not scored)', () => {
    const figure = rosterFigures(villages(3), 3, anhui2021).t10_station_coverage!;
    expect(figure).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(rosterFigures(villages(3), 3, anhui2021).t10_stations_per_200?.value).toBeNull();
  });
});

describe('rosterVillageView', () => {
  test('flags villages without a coordinator and eligible villages short of stations', () => {
    const rows = [
      village({ coordinators: 0 }),
      village({ longTermRecipients: 300, stations: 0 }),
      village({ longTermRecipients: 300, stations: 1 }),
      village({ longTermRecipients: 100, stations: 0 }),
    ];
    const flags = rosterVillageView(rows, perVillage).map((v) => [v.missingCoordinator, v.eligibleWithoutStation]);
    expect(flags).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
  });

  test('under per_full_200 a village of 400 with one station is short', () => {
    const [view] = rosterVillageView([village({ longTermRecipients: 400, stations: 1 })], perFull200);
    expect(view?.expectedStations).toBe(2);
    expect(view?.eligibleWithoutStation).toBe(true);
  });
});
