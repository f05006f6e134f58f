import type { CampaignDef, DerivedDef, RosterColumn, Thresholds, VillageHas, VillageSet } from '@dudao/schema/campaign';
import type { RosterVillage } from './types';

export interface RosterFigure {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** Indicator code → its figure, for every roster-derived indicator of the campaign. */
export type RosterFigures = Record<string, RosterFigure>;

export function isEligible(village: RosterVillage, thresholds: Thresholds): boolean {
  return village.longTermRecipients >= thresholds.eligibleRecipients;
}

export function expectedStations(village: RosterVillage, thresholds: Thresholds): number {
  if (!isEligible(village, thresholds)) return 0;
  return thresholds.stationPolicy === 'per_full_200'
    ? Math.floor(village.longTermRecipients / thresholds.stationsPer)
    : 1;
}

export function meetsStations(village: RosterVillage, thresholds: Thresholds): boolean {
  return village.stations >= expectedStations(village, thresholds);
}

/** Whether a village has what a gate or coverage asks of it. */
export function villageHas(village: RosterVillage, has: VillageHas, thresholds: Thresholds): boolean {
  switch (has) {
    case 'coordinator':
      return village.coordinators >= 1;
    case 'full_time_coordinator':
      return village.coordinatorsFullTime >= 1;
    case 'civil_affairs_member':
      return village.civilAffairsMember;
    case 'station':
      return village.stations >= 1;
    case 'expected_stations':
      return meetsStations(village, thresholds);
  }
}

function ratio(numerator: number, denominator: number): RosterFigure {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

type RosterDerived = Exclude<DerivedDef, { kind: 'case_log_average_days' | 'case_log_over_limit' }>;

const sumOf = (villages: RosterVillage[], column: RosterColumn) =>
  villages.reduce((total, v) => total + (v[column] ?? 0), 0);

/** One roster figure by its kind; `orgVillages` is the county's village count from the organisation tree, never the roster's length. */
export function rosterFigure(
  derived: RosterDerived,
  villages: RosterVillage[],
  orgVillages: number,
  thresholds: Thresholds,
): RosterFigure {
  const eligible = villages.filter((v) => isEligible(v, thresholds));
  const inSet = (set: VillageSet | undefined) => (set === 'eligible' ? eligible : villages);
  switch (derived.kind) {
    case 'coverage': {
      const having = inSet(derived.villages).filter((v) => villageHas(v, derived.has, thresholds)).length;
      return ratio(having, derived.villages === 'all' ? orgVillages : eligible.length);
    }
    case 'share':
      return ratio(sumOf(villages, derived.part), sumOf(villages, derived.whole));
    case 'average': {
      const counted = villages.filter(
        (v) => v[derived.column] !== null && (derived.where === undefined || villageHas(v, derived.where, thresholds)),
      );
      return ratio(sumOf(counted, derived.column), counted.length);
    }
    case 'village_count': {
      const has = derived.has;
      return {
        value: inSet(derived.villages).filter((v) => has === undefined || villageHas(v, has, thresholds)).length,
      };
    }
    case 'sum':
      return { value: sumOf(inSet(derived.villages), derived.column) };
    case 'stations_per_recipients':
      return ratio(sumOf(villages, 'stations'), sumOf(inSet(derived.recipients), 'longTermRecipients') / derived.per);
  }
}

/** Every roster-derived indicator of the campaign for one county's roster. */
export function rosterFigures(
  villages: RosterVillage[],
  orgVillages: number,
  campaign: Pick<CampaignDef, 'indicators' | 'thresholds'>,
): RosterFigures {
  const figures: RosterFigures = {};
  for (const def of campaign.indicators) {
    if (def.source !== 'roster') continue;
    const derived = def.derived;
    if (!derived || derived.kind === 'case_log_average_days' || derived.kind === 'case_log_over_limit')
      throw new Error(`村级台账指标 ${def.code} 缺少派生方式`);
    figures[def.code] = rosterFigure(derived, villages, orgVillages, campaign.thresholds);
  }
  return figures;
}

export interface RosterVillageView extends RosterVillage {
  eligible: boolean;
  expectedStations: number;
  missingCoordinator: boolean;
  /** Short of its expected stations: the village that keeps station coverage (and its roster gate) below 100 %. */
  eligibleWithoutStation: boolean;
}

export function rosterVillageView(villages: RosterVillage[], thresholds: Thresholds): RosterVillageView[] {
  return villages.map((v) => ({
    ...v,
    eligible: isEligible(v, thresholds),
    expectedStations: expectedStations(v, thresholds),
    missingCoordinator: v.coordinators < 1,
    eligibleWithoutStation: isEligible(v, thresholds) && !meetsStations(v, thresholds),
  }));
}

/** What a village has, in the words of a column header or a filter ("配备协理员的村"). */
export const VILLAGE_HAS_WORDS: Record<VillageHas, string> = {
  coordinator: '配备协理员',
  full_time_coordinator: '配备专职协理员',
  civil_affairs_member: '明确民政工作负责人',
  station: '建有服务站（点）',
  expected_stations: '已建站（点）',
};
