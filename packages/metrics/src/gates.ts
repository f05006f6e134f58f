import {
  endOfBeijingDay,
  type CampaignDef,
  type DateByGate,
  type GateDef,
  type RosterConditionGate,
  type SummaryGate,
  type SupervisionGate,
} from '@dudao/schema/campaign';
import type { CountyInput, GateStatus, IndicatorResult, KnownRoster } from './types';
import { isEligible, villageHas } from './roster';
import { countyGateDefs, cityGateDefs, firstReportDue, isDueBy, isPast } from './schedule';

/** date_by: the reported date known from the newest report, on or before the deadline. */
export function dateByGate(gate: DateByGate, date: string | null, campaign: CampaignDef, asOf: string): GateStatus {
  if (date !== null) return date <= gate.deadline ? 'met' : 'late';
  return isDueBy(firstReportDue(campaign), asOf) ? 'overdue' : 'pending';
}

/** The roster judged at the end of this gate's deadline day (one per deadline when roster gates differ). */
function rosterAt(county: CountyInput, deadline: string): KnownRoster | null {
  const byDeadline = county.rostersAtDeadlines;
  return byDeadline && deadline in byDeadline ? (byDeadline[deadline] ?? null) : county.rosterAtDeadline;
}

/**
 * roster_condition: every village of the set has the thing — `all` counts against the org tree's villages, never the
 * roster's length; `eligible` is n/a when the rosters considered show no eligible village.
 */
export function rosterConditionGate(
  gate: RosterConditionGate,
  county: CountyInput,
  campaign: CampaignDef,
  asOf: string,
): GateStatus {
  const { thresholds } = campaign;
  const past = isPast(gate.deadline, asOf);
  const atDeadline = rosterAt(county, gate.deadline);
  if (gate.villages === 'eligible') {
    const considered = (past ? [atDeadline, county.roster] : [county.roster]).filter((r) => r !== null);
    if (considered.length > 0 && !considered.some((r) => r.villages.some((v) => isEligible(v, thresholds))))
      return 'n/a';
  }
  const holds = (roster: KnownRoster) =>
    gate.villages === 'all'
      ? roster.villages.filter((v) => villageHas(v, gate.has, thresholds)).length >= county.villages
      : roster.villages.every((v) => !isEligible(v, thresholds) || villageHas(v, gate.has, thresholds));
  const now = county.roster !== null && holds(county.roster);
  if (!past) return now ? 'met' : 'pending';
  if (atDeadline !== null && holds(atDeadline)) return 'met';
  return now ? 'late' : 'overdue';
}

/** supervision_of_lagging: the city's duty to visit a county that was lagging on the gate's `laggingOn` day. */
export function supervisionOfLaggingGate(gate: SupervisionGate, county: CountyInput, asOf: string): GateStatus {
  if (county.laggingAtSupervision !== true) return 'n/a';
  if (county.visits.some((visit) => visit <= gate.deadline)) return 'met';
  if (county.visits.length > 0) return 'late';
  return isPast(gate.deadline, asOf) ? 'overdue' : 'pending';
}

/** summary_submitted: the city's summary, compared as an instant against the end of the deadline day in Beijing. */
export function summarySubmittedGate(gate: SummaryGate, summarySubmittedAt: string | null, asOf: string): GateStatus {
  if (summarySubmittedAt !== null)
    return Date.parse(summarySubmittedAt) < Date.parse(endOfBeijingDay(gate.deadline)) ? 'met' : 'late';
  return isPast(gate.deadline, asOf) ? 'overdue' : 'pending';
}

/** One county gate by its kind; `indicators` gives the known date of a date_by gate. */
export function countyGate(
  gate: GateDef,
  county: CountyInput,
  indicators: Record<string, IndicatorResult>,
  campaign: CampaignDef,
  asOf: string,
): GateStatus {
  switch (gate.kind) {
    case 'date_by':
      return dateByGate(gate, indicators[gate.indicator]?.date ?? null, campaign, asOf);
    case 'roster_condition':
      return rosterConditionGate(gate, county, campaign, asOf);
    case 'supervision_of_lagging':
      return supervisionOfLaggingGate(gate, county, asOf);
    case 'summary_submitted':
      throw new Error(`关口 ${gate.code} 是市级关口，不能按县区判定`);
  }
}

/** Every county gate of the campaign, keyed by its code. */
export function countyGates(
  county: CountyInput,
  indicators: Record<string, IndicatorResult>,
  campaign: CampaignDef,
  asOf: string,
): Record<string, GateStatus> {
  return Object.fromEntries(
    countyGateDefs(campaign).map((g) => [g.code, countyGate(g, county, indicators, campaign, asOf)]),
  );
}

/** Every city gate of the campaign, keyed by its code. */
export function cityGates(
  summarySubmittedAt: string | null,
  campaign: CampaignDef,
  asOf: string,
): Record<string, GateStatus> {
  return Object.fromEntries(
    cityGateDefs(campaign).map((g) => {
      if (g.kind !== 'summary_submitted') throw new Error(`关口 ${g.code} 不是市级关口`);
      return [g.code, summarySubmittedGate(g, summarySubmittedAt, asOf)];
    }),
  );
}
