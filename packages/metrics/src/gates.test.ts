import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import type { CampaignDef, GateDef } from '@dudao/schema/campaign';
import { dateByGate, rosterConditionGate, summarySubmittedGate, supervisionOfLaggingGate } from './gates';
import { county, roster, village, villages } from './test-factories';
import type { CountyInput } from './types';

const anhui2021 = builtinCampaign('anhui-2021');
const gate = <K extends GateDef['kind']>(code: string, kind: K) => {
  const found = anhui2021.gates.find((g) => g.code === code);
  if (found?.kind !== kind) throw new Error(`anhui-2021 has no ${kind} gate ${code}`);
  return found as Extract<GateDef, { kind: K }>;
};
const planGate = (issuedOn: string | null, campaign: CampaignDef, asOf: string) =>
  dateByGate(gate('m1_plan_issued', 'date_by'), issuedOn, campaign, asOf);
const coordinatorGate = (c: CountyInput, campaign: CampaignDef, asOf: string) =>
  rosterConditionGate(gate('m2_coordinators', 'roster_condition'), c, campaign, asOf);
const stationGate = (c: CountyInput, campaign: CampaignDef, asOf: string) =>
  rosterConditionGate(gate('m3_stations', 'roster_condition'), c, campaign, asOf);
const supervisionGate = (c: CountyInput, _campaign: CampaignDef, asOf: string) =>
  supervisionOfLaggingGate(gate('m4_supervised', 'supervision_of_lagging'), c, asOf);
const citySummaryGate = (submittedAt: string | null, _campaign: CampaignDef, asOf: string) =>
  summarySubmittedGate(gate('m5_city_summary', 'summary_submitted'), submittedAt, asOf);

describe('m1_plan_issued (by 07-15; overdue once the first report is due 08-05)', () => {
  test.each([
    ['2021-07-10', '2021-09-30', 'met'],
    ['2021-07-15', '2021-09-30', 'met'],
    ['2021-07-16', '2021-09-30', 'late'],
    [null, '2021-08-04', 'pending'],
    [null, '2021-08-05', 'overdue'],
  ])('plan issued %s, as of %s → %s', (issuedOn, asOf, status) => {
    expect(planGate(issuedOn, anhui2021, asOf)).toBe(status);
  });
});

describe('m2_coordinators (every village of the tree by 10-31)', () => {
  const full = roster(villages(10));
  const short = roster([...villages(9), village({ coordinators: 0 })]);
  const partialUpload = roster(villages(9)); // 9 rows all with coordinators, but the tree has 10 villages
  test.each([
    ['no roster before the deadline', { roster: null }, '2021-10-31', 'pending'],
    ['full before the deadline', { roster: full }, '2021-09-30', 'met'],
    ['full on the deadline day', { roster: full }, '2021-10-31', 'met'],
    ['9 of 10 before the deadline', { roster: short }, '2021-10-31', 'pending'],
    ['9 rows of a 10-village tree', { roster: partialUpload }, '2021-10-31', 'pending'],
    ['full at the deadline', { roster: full, rosterAtDeadline: full }, '2021-11-10', 'met'],
    ['short then, full now', { roster: full, rosterAtDeadline: short }, '2021-11-10', 'late'],
    ['short then and now', { roster: short, rosterAtDeadline: short }, '2021-11-10', 'overdue'],
    ['no roster at all', { roster: null, rosterAtDeadline: null }, '2021-11-01', 'overdue'],
  ])('%s (as of %s) → %s', (_label, input, asOf, status) => {
    expect(coordinatorGate(county({ villages: 10, ...input }), anhui2021, asOf)).toBe(status);
  });
});

describe('m3_stations (every eligible village by 10-31)', () => {
  const built = roster([village({ longTermRecipients: 250, stations: 1 }), ...villages(9)]);
  const unbuilt = roster([village({ longTermRecipients: 250, stations: 0 }), ...villages(9)]);
  const noneEligible = roster(villages(10));
  test.each([
    ['built before the deadline', { roster: built }, '2021-10-20', 'met'],
    ['unbuilt before the deadline', { roster: unbuilt }, '2021-10-31', 'pending'],
    ['no roster before the deadline', {}, '2021-10-20', 'pending'],
    ['no eligible village', { roster: noneEligible }, '2021-10-20', 'n/a'],
    ['no eligible village then or now', { roster: noneEligible, rosterAtDeadline: noneEligible }, '2021-11-10', 'n/a'],
    ['built at the deadline', { roster: built, rosterAtDeadline: built }, '2021-11-10', 'met'],
    ['built after the deadline', { roster: built, rosterAtDeadline: unbuilt }, '2021-11-10', 'late'],
    ['still unbuilt', { roster: unbuilt, rosterAtDeadline: unbuilt }, '2021-11-10', 'overdue'],
    ['no roster past the deadline', {}, '2021-11-01', 'overdue'],
  ])('%s (as of %s) → %s', (_label, input, asOf, status) => {
    expect(stationGate(county(input), anhui2021, asOf)).toBe(status);
  });

  test('per_full_200: a village of 400 needs two stations', () => {
    const campaign = { ...anhui2021, thresholds: { ...anhui2021.thresholds, stationPolicy: 'per_full_200' as const } };
    const one = roster([village({ longTermRecipients: 400, stations: 1 })]);
    expect(stationGate(county({ roster: one }), campaign, '2021-10-20')).toBe('pending');
    expect(stationGate(county({ roster: one }), anhui2021, '2021-10-20')).toBe('met');
  });
});

describe('m4_supervised (lagging on 11-01 → visited by 11-30)', () => {
  test.each([
    [null, [], '2021-10-20', 'n/a'],
    [false, [], '2021-12-10', 'n/a'],
    [true, [], '2021-11-15', 'pending'],
    [true, [], '2021-11-30', 'pending'],
    [true, ['2021-11-30'], '2021-11-30', 'met'],
    [true, ['2021-11-12'], '2021-12-10', 'met'],
    [true, ['2021-12-03'], '2021-12-10', 'late'],
    [true, ['2021-12-03', '2021-11-20'], '2021-12-10', 'met'],
    [true, [], '2021-12-01', 'overdue'],
  ])('lagging %s, visits %o, as of %s → %s', (lagging, visits, asOf, status) => {
    expect(supervisionGate(county({ laggingAtSupervision: lagging, visits }), anhui2021, asOf)).toBe(status);
  });
});

describe('m5_city_summary (by the end of 12-15, Beijing)', () => {
  test.each([
    // 12-15 23:59 Beijing = 15:59 UTC
    ['2021-12-15T15:59:00.000Z', '2021-12-20', 'met'],
    // 12-16 00:00 Beijing = 12-15 16:00 UTC
    ['2021-12-15T16:00:00.000Z', '2021-12-20', 'late'],
    [null, '2021-12-15', 'pending'],
    [null, '2021-12-16', 'overdue'],
  ])('submitted %s, as of %s → %s', (submittedAt, asOf, status) => {
    expect(citySummaryGate(submittedAt, anhui2021, asOf)).toBe(status);
  });
});
