import type { Campaign, GateStatus, ScopedStatus } from '$lib/api-types';
import { gateStatuses } from '$lib/labels';
import { tally } from '$lib/schedule';

/** The parts of the campaign definition the timeline, heatmap and forms show. */
export function timelineOf(campaign: Campaign) {
  return {
    start: campaign.start,
    stages: campaign.stages,
    gates: campaign.gates,
    tasks: campaign.tasks.map((t) => ({ code: t.code, name: t.name })),
  };
}

/** How many counties (m1–m4) and cities (m5) stand in each gate status, counted from status.at. */
export function gateTallies(status: ScopedStatus): Record<string, Record<GateStatus, number>> {
  const county = (code: keyof ScopedStatus['counties'][number]['gates']) =>
    tally(
      status.counties.map((c) => c.gates[code]),
      gateStatuses,
    );
  return {
    m1_plan_issued: county('m1_plan_issued'),
    m2_coordinators: county('m2_coordinators'),
    m3_stations: county('m3_stations'),
    m4_supervised: county('m4_supervised'),
    m5_city_summary: tally(
      status.cities.map((c) => c.gates.m5_city_summary),
      gateStatuses,
    ),
  };
}
