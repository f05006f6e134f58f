import { type CampaignDef, periodDue, periodEnd } from '@dudao/schema/campaign';

/** The dates the demo hangs on, all read from the campaign definition. */
export interface DemoCalendar {
  periods: string[];
  periodEnds: string[];
  dues: string[];
  /** The deadline most targets share (10-31 for anhui-2021) and the index of the period ending on or before it. */
  deadline: string;
  deadlineIdx: number;
  planDeadline: string;
}

export function demoCalendar(campaign: CampaignDef): DemoCalendar {
  const deadlines = new Map<string, number>();
  let planDeadline = campaign.rampStart;
  for (const def of campaign.indicators) {
    const t = def.target;
    if (t?.kind === 'date_by') planDeadline = t.deadline;
    const d = t && 'deadline' in t ? t.deadline : null;
    if (d) deadlines.set(d, (deadlines.get(d) ?? 0) + 1);
  }
  const deadline =
    [...deadlines.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? campaign.end;
  const periodEnds = campaign.periods.map(periodEnd);
  return {
    periods: campaign.periods,
    periodEnds,
    dues: campaign.periods.map((p) => periodDue(p, campaign.reportDueAfterDays)),
    deadline,
    deadlineIdx: Math.max(0, periodEnds.filter((e) => e <= deadline).length - 1),
    planDeadline,
  };
}
