import { addDays, periodDue, type CampaignDef } from '@dudao/schema/campaign';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { computeStatus } from './status';
import { city, county, report, roster, village, villages } from './test-factories';
import type { CountyInput, KnownRoster, StatusInput } from './types';

const anhui2021 = builtinCampaign('anhui-2021');

// Every targeted indicator fully met; a county's figures are these unless a test says otherwise.
export const perfectValues: Record<string, string | null> = {
  s1_plan_issued_on: '2021-07-10',
  t02_incapable_identified: '100',
  t02_incapable_covered: '100',
  t03_townships_with_reserve: '10',
  t04_platform_live: 'true',
  t04_departments_sharing: '8',
  t04_warnings_issued: '50',
  t04_warnings_handled: '50',
  t05_hotline_module: 'true',
  t05_hotline_orders: '20',
  t05_hotline_orders_on_time: '20',
  t06_townships_delegated: '10',
  t06_joint_review: 'true',
  t06_avg_processing_days: '12',
  t06_over_limit_cases: '0',
  t07_service_catalog: 'true',
  t07_service_providers: '2',
  t08_unified_rules: 'true',
  t09_dispersed_tekun: '40',
  t09_care_agreements: '40',
  t11_typical_cases: '1',
};

// 10 villages, each with a coordinator and a 民政 member; one eligible (250 recipients) with its station.
export const perfectRoster = (): KnownRoster =>
  roster([village({ longTermRecipients: 250, stations: 1 }), ...villages(9)]);

// Every report submitted two days before its due date; only submissions made by asOf are known.
export function onTime(asOf: string): Record<string, string> {
  const known: Record<string, string> = {};
  for (const period of anhui2021.periods) {
    const submittedOn = addDays(periodDue(period, anhui2021.reportDueAfterDays), -2);
    if (submittedOn <= asOf) known[period] = `${submittedOn}T02:00:00.000Z`;
  }
  return known;
}

export function perfect(
  code: string,
  cityCode: string,
  asOf: string,
  values: Record<string, string | null> = {},
  overrides: Partial<CountyInput> = {},
): CountyInput {
  const firstSubmissions = onTime(asOf);
  const period = Object.keys(firstSubmissions).at(-1);
  const known = period ? report(period, { ...perfectValues, ...values }, firstSubmissions[period]) : null;
  return county({
    code,
    name: code,
    cityCode,
    report: known,
    firstSubmissions,
    roster: perfectRoster(),
    rosterAtDeadline: asOf > '2021-10-31' ? perfectRoster() : null,
    laggingAtSupervision: asOf >= '2021-11-01' ? false : null,
    ...overrides,
  });
}

export const ASOF = '2021-11-10';
export const bengbu = city({ code: '3403', name: '蚌埠市' });
export const huainan = city({ code: '3404', name: '淮南市' });
export const board = (counties: CountyInput[], asOf = ASOF, campaign: CampaignDef = anhui2021): StatusInput => ({
  campaign,
  asOf,
  province: { code: '34', name: '安徽省' },
  cities: [bengbu, huainan],
  counties,
});
export const one = (c: CountyInput, asOf = ASOF) => {
  const result = computeStatus(board([c], asOf)).counties[0];
  if (!result) throw new Error('no county judged');
  return result;
};

// 8 of 10 villages with a coordinator; the eligible one has its station.
export const shortRoster = (): KnownRoster =>
  roster([
    village({ longTermRecipients: 250, stations: 1 }),
    ...villages(7),
    ...villages(2, { coordinators: 0, coordinatorPay: null }),
  ]);
