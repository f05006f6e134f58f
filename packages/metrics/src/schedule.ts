import { periodDue, type CampaignDef } from '@dudao/schema/campaign';

// As-of t is the end of day t, and something due on day D is due at the end of D: so it is due by t exactly when D ≤ t.
export function isDueBy(dueDate: string, asOf: string): boolean {
  return dueDate <= asOf;
}

// "Past the deadline" needs a whole later day: at the end of the deadline day itself it is still on time.
export function isPast(deadline: string, day: string): boolean {
  return day > deadline;
}

export function firstReportDue(campaign: CampaignDef): string {
  const first = campaign.periods[0];
  if (first === undefined) throw new Error(`行动 ${campaign.code} 未定义报告期`);
  return periodDue(first, campaign.reportDueAfterDays);
}

/** The newest period whose monthly report is due by asOf, or null before the first is due. */
export function latestDuePeriod(campaign: CampaignDef, asOf: string): string | null {
  let latest: string | null = null;
  for (const period of campaign.periods) {
    if (isDueBy(periodDue(period, campaign.reportDueAfterDays), asOf)) latest = period;
  }
  return latest;
}

export function gateDeadline(campaign: CampaignDef, gateCode: string): string {
  const gate = campaign.gates.find((g) => g.code === gateCode);
  if (!gate) throw new Error(`行动 ${campaign.code} 未定义关口 ${gateCode}`);
  return gate.deadline;
}

export function indicatorDef(campaign: CampaignDef, code: string) {
  const def = campaign.indicators.find((i) => i.code === code);
  if (!def) throw new Error(`行动 ${campaign.code} 未定义指标 ${code}`);
  return def;
}
