import { tally } from '@dudao/metrics';
import { periodDue } from '@dudao/schema/campaign';
import type { Campaign, CityStatus, GateStatus, ScopedStatus } from '$lib/api-types';

/** The parts of the campaign definition the timeline, heatmap and forms show. */
export function timelineOf(campaign: Campaign) {
  return {
    start: campaign.start,
    stages: campaign.stages,
    gates: campaign.gates,
    tasks: campaign.tasks.map((t) => ({ code: t.code, name: t.name })),
  };
}

type Tallies = Record<string, Record<GateStatus, number>>;

/** The province's counties and cities in each status of their gates, as the metrics counted them. */
export function provinceTallies(province: NonNullable<ScopedStatus['province']>): Tallies {
  return { ...province.gateCounts, ...province.cityGateCounts };
}

/** A city's counties in each status of the county gates, and its own city gates. */
export function cityTallies(city: CityStatus): Tallies {
  return {
    ...city.gateCounts,
    ...Object.fromEntries(Object.entries(city.gates).map(([code, status]) => [code, tally([status])])),
  };
}

export interface TimelinessBrief {
  period: string;
  dueOn: string;
  onTime: number;
  late: number;
  missing: number;
}

/** 按时报送 as the metrics judged it (DOMAIN "Timeliness"), with the due day it was judged against. */
export function timelinessBrief(t: CityStatus['timeliness'], campaign: Campaign): TimelinessBrief | null {
  if (t.period === null) return null;
  return {
    period: t.period,
    dueOn: periodDue(t.period, campaign.reportDueAfterDays),
    onTime: t.onTime,
    late: t.late,
    missing: t.missing,
  };
}
