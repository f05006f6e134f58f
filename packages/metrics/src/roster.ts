import type { Thresholds } from '@dudao/schema/campaign';
import type { RosterVillage } from './types';

export interface RosterFigure {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export type RosterFigures = Record<
  | 't10_coordinator_coverage'
  | 't10_station_coverage'
  | 't10_civil_affairs_coverage'
  | 't10_full_time_share'
  | 't10_avg_pay'
  | 't10_stations_per_200'
  | 't10_eligible_villages'
  | 't10_long_term_recipients',
  RosterFigure
>;

export function isEligible(village: RosterVillage, thresholds: Thresholds): boolean {
  return village.longTermRecipients >= thresholds.eligibleRecipients;
}

export function expectedStations(village: RosterVillage, thresholds: Thresholds): number {
  if (!isEligible(village, thresholds)) return 0;
  return thresholds.stationPolicy === 'per_full_200' ? Math.floor(village.longTermRecipients / thresholds.stationsPer) : 1;
}

export function meetsStations(village: RosterVillage, thresholds: Thresholds): boolean {
  return village.stations >= expectedStations(village, thresholds);
}

function ratio(numerator: number, denominator: number): RosterFigure {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/** `orgVillages` is the county's village count from the organisation tree, never the roster's length. */
export function rosterFigures(villages: RosterVillage[], orgVillages: number, thresholds: Thresholds): RosterFigures {
  let withCoordinator = 0, withMember = 0, eligible = 0, eligibleMet = 0;
  let coordinators = 0, fullTime = 0, paySum = 0, paid = 0, stations = 0, recipients = 0, eligibleRecipients = 0;
  for (const v of villages) {
    if (v.coordinators >= 1) withCoordinator += 1;
    if (v.civilAffairsMember) withMember += 1;
    if (isEligible(v, thresholds)) {
      eligible += 1;
      eligibleRecipients += v.longTermRecipients;
      if (meetsStations(v, thresholds)) eligibleMet += 1;
    }
    if (v.coordinators >= 1 && v.coordinatorPay !== null) {
      paySum += v.coordinatorPay;
      paid += 1;
    }
    coordinators += v.coordinators;
    fullTime += v.coordinatorsFullTime;
    stations += v.stations;
    recipients += v.longTermRecipients;
  }
  return {
    t10_coordinator_coverage: ratio(withCoordinator, orgVillages),
    t10_station_coverage: ratio(eligibleMet, eligible),
    t10_civil_affairs_coverage: ratio(withMember, orgVillages),
    t10_full_time_share: ratio(fullTime, coordinators),
    t10_avg_pay: ratio(paySum, paid),
    t10_stations_per_200: ratio(stations, eligibleRecipients / thresholds.stationsPer),
    t10_eligible_villages: { value: eligible },
    t10_long_term_recipients: { value: recipients },
  };
}

export interface RosterVillageView extends RosterVillage {
  eligible: boolean;
  expectedStations: number;
  missingCoordinator: boolean;
  /** Short of its expected stations: the village that keeps station coverage (and gate m3) below 100 %. */
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
