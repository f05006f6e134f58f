import type { CampaignDef } from '@dudao/schema/campaign';
import type { CountyStatus, GateCounts, GateStatus, IndicatorResult } from './types';
import { countyGateDefs } from './schedule';

const GATE_STATUSES: readonly GateStatus[] = ['met', 'late', 'overdue', 'pending', 'n/a'];

/** How many units stand in each gate status. */
export function tally(statuses: readonly GateStatus[]): Record<GateStatus, number> {
  const counts = Object.fromEntries(GATE_STATUSES.map((s) => [s, 0])) as Record<GateStatus, number>;
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/** Per gate of the given codes, how many of the units stand in each status. */
export function gateCounts(units: Pick<CountyStatus, 'gates'>[], codes: readonly string[]): GateCounts {
  return Object.fromEntries(codes.map((k) => [k, tally(units.map((c) => c.gates[k] ?? 'n/a'))]));
}

/** Gate counts of every county gate of the campaign over the given counties. */
export function countyGateCounts(
  counties: Pick<CountyStatus, 'gates'>[],
  campaign: Pick<CampaignDef, 'code' | 'gates'>,
): GateCounts {
  return gateCounts(
    counties,
    countyGateDefs(campaign).map((g) => g.code),
  );
}

/** Per indicator code, how many counties have it red (a missing figure counts as red, as in many_red). */
export function redByIndicator(
  counties: { indicators: Record<string, IndicatorResult> }[],
  campaign: CampaignDef,
): Record<string, number> {
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
