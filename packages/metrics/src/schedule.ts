import { periodDue, type CampaignDef, type GateDef, type GateKind } from '@dudao/schema/campaign';

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

/** The newest period whose report is due by asOf, or null before the first is due. */
export function latestDuePeriod(
  campaign: Pick<CampaignDef, 'periods' | 'reportDueAfterDays'>,
  asOf: string,
): string | null {
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

type Gates = Pick<CampaignDef, 'code' | 'gates'>;

/** The campaign's gates of one kind, in the definition's order. */
export function gatesOfKind<K extends GateKind>(campaign: Gates, kind: K): Extract<GateDef, { kind: K }>[] {
  return campaign.gates.filter((g): g is Extract<GateDef, { kind: K }> => g.kind === kind);
}

/** The one gate of a kind, or null when the campaign has none. */
export function gateOfKind<K extends GateKind>(campaign: Gates, kind: K): Extract<GateDef, { kind: K }> | null {
  return gatesOfKind(campaign, kind)[0] ?? null;
}

export function countyGateDefs(campaign: Gates): GateDef[] {
  return campaign.gates.filter((g) => g.level === 'county');
}

export function cityGateDefs(campaign: Gates): GateDef[] {
  return campaign.gates.filter((g) => g.level === 'city');
}

/** The day city summaries are due: the summary gate's deadline, else the campaign's summaryDue. */
export function summaryDue(campaign: Pick<CampaignDef, 'code' | 'gates' | 'summaryDue'>): string {
  return gateOfKind(campaign, 'summary_submitted')?.deadline ?? campaign.summaryDue;
}

/** The day lagging is judged for the supervision gate: who is lagging then must be visited; null without that gate. */
export function supervisionStart(campaign: Gates): string | null {
  return gateOfKind(campaign, 'supervision_of_lagging')?.laggingOn ?? null;
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

type Dated = Pick<CampaignDef, 'periods' | 'reportDueAfterDays' | 'reportName'> & {
  gates: Pick<GateDef, 'name' | 'deadline'>[];
};

/** Every dated duty of the campaign: the gates and each period's report, in date order. */
export function deadlines(campaign: Dated): Deadline[] {
  return [
    ...campaign.gates.map((g) => ({ on: g.deadline, label: g.name })),
    ...campaign.periods.map((p) => ({
      on: periodDue(p, campaign.reportDueAfterDays),
      label: `${p} ${campaign.reportName}报送`,
    })),
  ].sort((a, b) => a.on.localeCompare(b.on) || a.label.localeCompare(b.label));
}

/** The first deadline on or after `asOf` (a deadline is met by the end of its day). */
export function nextDeadline(campaign: Dated, asOf: string): Deadline | null {
  return deadlines(campaign).find((d) => d.on >= asOf) ?? null;
}
