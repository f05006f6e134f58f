import { gatesOfKind } from '@dudao/metrics';
import type { Campaign, Overview } from '$lib/api-types';

// Pages get the API's overview answer (status.overview), shaped for what they draw: no county's indicators travel.
export type CountyBrief = Overview['counties'][number];
export type CityBrief = Overview['cities'][number];
export type ProvinceBrief = NonNullable<Overview['province']>;

export interface CoverageKpi {
  code: string;
  label: string;
  /** What the denominator counts ("个村（社区）"). */
  of: string;
}

/** The roster coverages the KPI cards show: those the campaign's roster gates cite, straight from the roll-up figures. */
export function coverageKpis(campaign: Campaign): CoverageKpi[] {
  return gatesOfKind(campaign, 'roster_condition').flatMap((g) => {
    const def = campaign.indicators.find((i) => i.code === g.showsIndicator);
    if (!def) return [];
    const of =
      g.villages === 'eligible' ? `个常年救助对象${campaign.thresholds.eligibleRecipients}人以上村` : '个村（社区）';
    return [{ code: def.code, label: def.name, of }];
  });
}
