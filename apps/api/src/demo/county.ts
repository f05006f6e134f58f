import { addDays, type CampaignDef } from '@dudao/schema/campaign';
import type { DemoCalendar } from './calendar';
import { caseLogs, drawCasePool } from './cases';
import type { SeriesContext } from './context';
import { countySize, villageRecipients } from './magnitudes';
import { drawProfile } from './profile';
import { buildReports } from './reports';
import { streamFor } from './rng';
import { buildRosters } from './rosters';
import type { DemoCaseLog, DemoCounty, DemoReport, DemoRoster, DemoVillage } from './types';
import { reliefSeries } from './values-relief';
import { serviceSeries } from './values-services';

export interface CountyDemo {
  reports: DemoReport[];
  rosters: DemoRoster[];
  caseLogs: DemoCaseLog[];
}

export function countyDemo(
  seed: number,
  campaign: CampaignDef,
  cal: DemoCalendar,
  county: DemoCounty,
  townships: string[],
  villages: DemoVillage[],
  seat: number,
): CountyDemo {
  const stream = (...keys: string[]) => streamFor(seed, county.code, ...keys);
  const at = (i: number) => cal.periodEnds[Math.max(0, Math.min(cal.periodEnds.length - 1, i))] ?? campaign.end;
  const profile = drawProfile(stream('profile'), campaign.start, cal.planDeadline);
  const recipients = villageRecipients(stream('villages'), county.kind, villages.length);
  const size = countySize(stream('size'), county.kind, townships.length, recipients);
  const window = {
    start: campaign.start,
    lastApplied: at(cal.deadlineIdx + 1),
    uploadAfter: [at(cal.deadlineIdx - 1), at(cal.deadlineIdx + 1)] as [string, string],
  };
  const pool = drawCasePool(stream('cases'), county.code, townships, profile, window);
  const eligibleAt = campaign.thresholds.eligibleRecipients;
  const rosters = buildRosters(stream('roster'), county.code, villages, recipients, profile, {
    firstFrom: addDays(campaign.rampStart, 1),
    firstTo: addDays(at(0), 20),
    deadline: cal.deadline,
    lastDay: at(cal.deadlineIdx + 1),
    eligibleAt,
  });
  const ctx: SeriesContext = {
    rng: stream('values'),
    n: cal.periods.length,
    deadlineIdx: cal.deadlineIdx,
    periodEnds: cal.periodEnds,
    size,
    profile,
    pool,
  };
  const relief = reliefSeries(ctx);
  const series = { ...relief, ...serviceSeries(ctx, (relief.t01_tekun ?? []).map(Number)) };
  const reports = buildReports({ campaign, cal, county, series, profile, rosters, stream, seat });
  return { reports, rosters, caseLogs: pool ? caseLogs(stream('case-log'), county.code, pool) : [] };
}
