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
  const counts: GateCounts = {};
  for (const k of codes) {
    const count = tally([]);
    for (const unit of units) count[unit.gates[k] ?? 'n/a'] += 1;
    counts[k] = count;
  }
  return counts;
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
  const defs = campaign.indicators;
  const red = defs.map(() => 0);
  // County by county, each county's indicators while they are at hand: reading one indicator of every county in
  // turn costs a cache miss a read, four times slower for the nation's 2,978 counties.
  for (const c of counties) {
    const indicators = c.indicators;
    for (let i = 0; i < defs.length; i++) {
      const status = indicators[defs[i]!.code]?.status;
      if (status === 'red' || status === 'missing') red[i]! += 1;
    }
  }
  defs.forEach((def, i) => {
    if (red[i]! > 0) counts[def.code] = red[i]!;
  });
  return counts;
}

/** Gate counts of the units of all the parts together (a province's counties from its cities'). */
export function addGateCounts(parts: GateCounts[], codes: readonly string[]): GateCounts {
  const counts: GateCounts = {};
  for (const k of codes) {
    const count = tally([]);
    for (const part of parts) {
      const p = part[k];
      if (p === undefined) continue;
      for (const s of GATE_STATUSES) count[s] += p[s];
    }
    counts[k] = count;
  }
  return counts;
}

/** Red counts of the counties of all the parts together, in the campaign's order and without zeros, as `redByIndicator`. */
export function addRedCounts(parts: Record<string, number>[], campaign: CampaignDef): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const def of campaign.indicators) {
    let red = 0;
    for (const part of parts) red += part[def.code] ?? 0;
    if (red > 0) counts[def.code] = red;
  }
  return counts;
}
