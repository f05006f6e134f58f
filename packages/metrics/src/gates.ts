import { endOfBeijingDay, type CampaignDef } from '@dudao/schema/campaign';
import type { CountyInput, CountyStatus, GateStatus, KnownRoster } from './types';
import { isEligible, meetsStations } from './roster';
import { firstReportDue, gateDeadline, isDueBy, isPast } from './schedule';

/** m1: the plan date known from the newest report. */
export function planGate(planIssuedOn: string | null, campaign: CampaignDef, asOf: string): GateStatus {
  if (planIssuedOn !== null) return planIssuedOn <= gateDeadline(campaign, 'm1_plan_issued') ? 'met' : 'late';
  return isDueBy(firstReportDue(campaign), asOf) ? 'overdue' : 'pending';
}

function rosterGate(holds: (roster: KnownRoster) => boolean, county: CountyInput, deadline: string, asOf: string): GateStatus {
  const now = county.roster !== null && holds(county.roster);
  if (!isPast(deadline, asOf)) return now ? 'met' : 'pending';
  if (county.rosterAtDeadline !== null && holds(county.rosterAtDeadline)) return 'met';
  return now ? 'late' : 'overdue';
}

/** m2: every village of the organisation tree has a coordinator. */
export function coordinatorGate(county: CountyInput, campaign: CampaignDef, asOf: string): GateStatus {
  const holds = (roster: KnownRoster) => roster.villages.filter((v) => v.coordinators >= 1).length >= county.villages;
  return rosterGate(holds, county, gateDeadline(campaign, 'm2_coordinators'), asOf);
}

/** m3: every eligible village has its expected stations; n/a when the rosters considered show no eligible village. */
export function stationGate(county: CountyInput, campaign: CampaignDef, asOf: string): GateStatus {
  const { thresholds } = campaign;
  const deadline = gateDeadline(campaign, 'm3_stations');
  const considered = (isPast(deadline, asOf) ? [county.rosterAtDeadline, county.roster] : [county.roster]).filter((r) => r !== null);
  const anyEligible = considered.some((r) => r.villages.some((v) => isEligible(v, thresholds)));
  if (considered.length > 0 && !anyEligible) return 'n/a';
  const holds = (roster: KnownRoster) => roster.villages.every((v) => meetsStations(v, thresholds));
  return rosterGate(holds, county, deadline, asOf);
}

/** m4: the city's duty to visit a county that was lagging on the supervision start. */
export function supervisionGate(county: CountyInput, campaign: CampaignDef, asOf: string): GateStatus {
  if (county.laggingAtSupervision !== true) return 'n/a';
  const deadline = gateDeadline(campaign, 'm4_supervised');
  if (county.visits.some((visit) => visit <= deadline)) return 'met';
  if (county.visits.length > 0) return 'late';
  return isPast(deadline, asOf) ? 'overdue' : 'pending';
}

/** m5: the city's summary, compared as an instant against the end of the deadline day in Beijing. */
export function citySummaryGate(summarySubmittedAt: string | null, campaign: CampaignDef, asOf: string): GateStatus {
  const deadline = gateDeadline(campaign, 'm5_city_summary');
  if (summarySubmittedAt !== null) return Date.parse(summarySubmittedAt) < Date.parse(endOfBeijingDay(deadline)) ? 'met' : 'late';
  return isPast(deadline, asOf) ? 'overdue' : 'pending';
}

export function countyGates(county: CountyInput, planIssuedOn: string | null, campaign: CampaignDef, asOf: string): CountyStatus['gates'] {
  return {
    m1_plan_issued: planGate(planIssuedOn, campaign, asOf),
    m2_coordinators: coordinatorGate(county, campaign, asOf),
    m3_stations: stationGate(county, campaign, asOf),
    m4_supervised: supervisionGate(county, campaign, asOf),
  };
}
