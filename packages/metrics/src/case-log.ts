import type { CampaignDef } from '@dudao/schema/campaign';
import type { CaseRecord } from './types';
import { indicatorDef } from './schedule';
import { workingDaysBetween } from './working-days';

export interface CaseLogFigures {
  avgProcessingDays: number | null;
  overLimitCases: number;
  decidedCases: number;
}

/** The working-day limit is the upper bound set on the average processing time. */
export function processingDayLimit(campaign: CampaignDef): number {
  const target = indicatorDef(campaign, 't06_avg_processing_days').target;
  if (target?.kind !== 'upper') throw new Error(`行动 ${campaign.code} 未给 t06_avg_processing_days 设上限`);
  return target.max;
}

/** Cases decided from the campaign start through asOf, both inclusive: a flow like the reported figures. */
export function caseLogFigures(cases: CaseRecord[], asOf: string, campaignStart: string, limitDays: number): CaseLogFigures {
  let totalDays = 0;
  let overLimitCases = 0;
  let decidedCases = 0;
  for (const record of cases) {
    const decidedOn = record.decidedOn;
    if (decidedOn === null || decidedOn < campaignStart || decidedOn > asOf) continue;
    const days = workingDaysBetween(record.appliedOn, decidedOn);
    totalDays += days;
    decidedCases += 1;
    if (days > limitDays) overLimitCases += 1;
  }
  return { avgProcessingDays: decidedCases === 0 ? null : totalDays / decidedCases, overLimitCases, decidedCases };
}
