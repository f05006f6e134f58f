import type { CampaignDef, IndicatorDef } from '@dudao/schema/campaign';
import type { CaseRecord } from './types';
import { indicatorDef } from './schedule';
import { workingDaysBetween } from './working-days';

export interface CaseLogFigures {
  avgProcessingDays: number | null;
  overLimitCases: number;
  decidedCases: number;
}

/** The indicator a case log's figure of this kind replaces, or null when the campaign derives none. */
export function caseLogIndicator(
  campaign: Pick<CampaignDef, 'indicators'>,
  kind: 'case_log_average_days' | 'case_log_over_limit',
): IndicatorDef | null {
  return campaign.indicators.find((i) => i.derived?.kind === kind) ?? null;
}

/** The working-day limit of an over-limit count: its own `limitDays`, or the upper bound set on `limitFrom`. */
export function overLimitDays(def: IndicatorDef, campaign: CampaignDef): number {
  const derived = def.derived;
  if (derived?.kind !== 'case_log_over_limit') throw new Error(`指标 ${def.code} 不是超时件数`);
  if (derived.limitDays !== undefined) return derived.limitDays;
  const target = derived.limitFrom === undefined ? undefined : indicatorDef(campaign, derived.limitFrom).target;
  if (target?.kind !== 'upper') throw new Error(`行动 ${campaign.code} 的指标 ${def.code} 缺少办理时限`);
  return target.max;
}

/** The campaign's working-day limit for a case (its over-limit count's), or null when it counts no over-limit cases. */
export function processingDayLimit(campaign: CampaignDef): number | null {
  const def = caseLogIndicator(campaign, 'case_log_over_limit');
  return def ? overLimitDays(def, campaign) : null;
}

/** Cases decided from the campaign start through asOf, both inclusive: a flow like the reported figures. */
export function caseLogFigures(
  cases: CaseRecord[],
  asOf: string,
  campaignStart: string,
  limitDays: number,
): CaseLogFigures {
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
