import { endOfBeijingDay, periodDue, type CampaignDef } from '@dudao/schema/campaign';
import { latestDuePeriod } from './schedule';
import type { CountyInput, Timeliness, TimelinessCounts } from './types';

/** A first submission is on time when it came by the end of its due day, Beijing time. */
export function submittedOnTime(firstSubmittedAt: string, dueOn: string): boolean {
  return Date.parse(firstSubmittedAt) < Date.parse(endOfBeijingDay(dueOn));
}

/** DOMAIN "Timeliness": the latest period due by asOf, judged by the first submission known at asOf against its due day. */
export function countyTimeliness(
  county: Pick<CountyInput, 'firstSubmissions'>,
  campaign: CampaignDef,
  asOf: string,
): Timeliness | null {
  const period = latestDuePeriod(campaign, asOf);
  if (period === null) return null;
  const first = county.firstSubmissions[period];
  if (first === undefined || Date.parse(first) >= Date.parse(endOfBeijingDay(asOf))) return 'missing';
  return submittedOnTime(first, periodDue(period, campaign.reportDueAfterDays)) ? 'on_time' : 'late';
}

/** 按时报送 of a city or the province: how many of its counties stand on_time, late and missing. */
export function timelinessCounts(
  counties: { timeliness: Timeliness | null }[],
  campaign: CampaignDef,
  asOf: string,
): TimelinessCounts {
  const counts: TimelinessCounts = { period: latestDuePeriod(campaign, asOf), onTime: 0, late: 0, missing: 0 };
  if (counts.period === null) return counts;
  for (const county of counties) {
    if (county.timeliness === 'on_time') counts.onTime += 1;
    else if (county.timeliness === 'late') counts.late += 1;
    else counts.missing += 1;
  }
  return counts;
}

/** 按时报送 of the counties of all the parts together (a province's from its cities'), as `timelinessCounts`. */
export function addTimelinessCounts(parts: TimelinessCounts[], campaign: CampaignDef, asOf: string): TimelinessCounts {
  const counts: TimelinessCounts = { period: latestDuePeriod(campaign, asOf), onTime: 0, late: 0, missing: 0 };
  if (counts.period === null) return counts;
  for (const part of parts) {
    counts.onTime += part.onTime;
    counts.late += part.late;
    counts.missing += part.missing;
  }
  return counts;
}
