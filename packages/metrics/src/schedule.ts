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
export function latestDuePeriod(campaign: Pick<CampaignDef, 'periods' | 'reportDueAfterDays'>, asOf: string): string | null {
  let latest: string | null = null;
  for (const period of campaign.periods) {
    if (isDueBy(periodDue(period, campaign.reportDueAfterDays), asOf)) latest = period;
  }
  return latest;
}

export function gateDeadline(campaign: Pick<CampaignDef, 'code' | 'gates'>, gateCode: string): string {
  const gate = campaign.gates.find((g) => g.code === gateCode);
  if (!gate) throw new Error(`行动 ${campaign.code} 未定义关口 ${gateCode}`);
  return gate.deadline;
}

/** The day the supervision stage starts: who is lagging then must be visited (gate m4). */
export function supervisionStart(campaign: Pick<CampaignDef, 'stages'>): string {
  const stage = campaign.stages.find((s) => s.gates.includes('m4_supervised'));
  if (!stage?.start) throw new Error('活动定义缺少重点督导阶段的开始日期');
  return stage.start;
}

export function indicatorDef(campaign: CampaignDef, code: string) {
  const def = campaign.indicators.find((i) => i.code === code);
  if (!def) throw new Error(`行动 ${campaign.code} 未定义指标 ${code}`);
  return def;
}

type Stage = CampaignDef['stages'][number];

/** The stage the campaign is in on `asOf`; null before the first or after the last stage. */
export function stageAt(campaign: Pick<CampaignDef, 'start' | 'stages'>, asOf: string): Stage | null {
  return campaign.stages.find((s) => (s.start ?? campaign.start) <= asOf && asOf <= s.end) ?? null;
}

export interface Deadline {
  on: string;
  label: string;
}

/** Every dated duty of the campaign: the gates and each period's report, in date order. */
export function deadlines(campaign: Pick<CampaignDef, 'gates' | 'periods' | 'reportDueAfterDays'>): Deadline[] {
  return [
    ...campaign.gates.map((g) => ({ on: g.deadline, label: g.name })),
    ...campaign.periods.map((p) => ({ on: periodDue(p, campaign.reportDueAfterDays), label: `${p} 月报报送` })),
  ].sort((a, b) => a.on.localeCompare(b.on) || a.label.localeCompare(b.label));
}

/** The first deadline on or after `asOf` (a deadline is met by the end of its day). */
export function nextDeadline(campaign: Pick<CampaignDef, 'gates' | 'periods' | 'reportDueAfterDays'>, asOf: string): Deadline | null {
  return deadlines(campaign).find((d) => d.on >= asOf) ?? null;
}
