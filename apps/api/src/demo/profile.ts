import { addDays, daysBetween } from '@dudao/schema/campaign';
import { chance, intBetween, type Rng } from './rng';

/** The county's temperament, drawn once: lagging on 11-01 emerges from these, no list is hard-coded. */
export interface CountyProfile {
  laggard: boolean;
  planIssuedOn: string;
  coordinatorGap: 'none' | 'november' | 'never';
  civilAffairsGap: boolean;
  stationGap: boolean;
  lateRisk: number;
  missRisk: number;
  returnRisk: number;
  overLimitCases: number;
  caseLogUploads: 0 | 1 | 2;
}

export function drawProfile(rng: Rng, campaignStart: string, planDeadline: string): CountyProfile {
  const laggard = chance(rng, 0.09);
  const gapRisk = laggard ? 0.65 : 0.02;
  const coordinatorGap = chance(rng, gapRisk) ? (chance(rng, 0.5) ? 'november' : 'never') : 'none';
  const latePlan = chance(rng, laggard ? 0.2 : 0.035);
  const planIssuedOn = latePlan
    ? addDays(planDeadline, intBetween(rng, 3, 16))
    : addDays(campaignStart, intBetween(rng, 1, Math.max(1, daysBetween(campaignStart, planDeadline))));
  const overLimitCases = laggard
    ? intBetween(rng, 1, 5)
    : chance(rng, 0.6)
      ? 0
      : chance(rng, 0.7)
        ? 1
        : intBetween(rng, 2, 3);
  const caseLogUploads = chance(rng, 0.4) ? (chance(rng, 0.5) ? 2 : 1) : 0;
  return {
    laggard,
    planIssuedOn,
    coordinatorGap,
    civilAffairsGap: chance(rng, laggard ? 0.6 : 0.06),
    stationGap: chance(rng, laggard ? 0.5 : 0.04),
    lateRisk: laggard ? 0.3 : 0.06,
    missRisk: laggard ? 0.08 : 0.02,
    returnRisk: laggard ? 0.15 : 0.07,
    overLimitCases,
    caseLogUploads,
  };
}
