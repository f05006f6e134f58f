import { periodDue } from '@dudao/schema/campaign';
import type { Campaign, Overview } from '$lib/api-types';

/** The parts of the campaign definition the timeline, heatmap and forms show. */
export function timelineOf(campaign: Campaign) {
  return {
    start: campaign.start,
    stages: campaign.stages,
    gates: campaign.gates,
    tasks: campaign.tasks.map((t) => ({ code: t.code, name: t.name })),
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
export function timelinessBrief(t: Overview['timeliness'], campaign: Campaign): TimelinessBrief | null {
  if (!t || t.period === null) return null;
  return {
    period: t.period,
    dueOn: periodDue(t.period, campaign.reportDueAfterDays),
    onTime: t.onTime,
    late: t.late,
    missing: t.missing,
  };
}
