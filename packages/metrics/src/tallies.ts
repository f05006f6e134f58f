import type { CampaignDef } from '@dudao/schema/campaign';
import type { CountyStatus, GateCounts, GateStatus, IndicatorResult } from './types';

const GATE_STATUSES: readonly GateStatus[] = ['met', 'late', 'overdue', 'pending', 'n/a'];

/** How many units stand in each gate status. */
export function tally(statuses: readonly GateStatus[]): Record<GateStatus, number> {
  const counts = Object.fromEntries(GATE_STATUSES.map((s) => [s, 0])) as Record<GateStatus, number>;
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/** Gate counts m1–m4 over the given counties, keyed by the gate names counties carry. */
export function countyGateCounts(counties: Pick<CountyStatus, 'gates'>[]): GateCounts {
  const keys = ['m1_plan_issued', 'm2_coordinators', 'm3_stations', 'm4_supervised'] as const;
  return Object.fromEntries(keys.map((k) => [k, tally(counties.map((c) => c.gates[k]))])) as GateCounts;
}

/** Per indicator code, how many counties have it red (a missing figure counts as red, as in many_red). */
export function redByIndicator(counties: { indicators: Record<string, IndicatorResult> }[], campaign: CampaignDef): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const def of campaign.indicators) {
    const red = counties.filter((c) => {
      const status = c.indicators[def.code]?.status;
      return status === 'red' || status === 'missing';
    }).length;
    if (red > 0) counts[def.code] = red;
  }
  return counts;
}
