import type { CampaignDef } from '@dudao/schema/campaign';
import type { IndicatorResult } from './types';

/**
 * Tasks whose targets the county meets as of the date: the task has scored targets and every one of them scores
 * full marks (value at or beyond what is expected by then). DOMAIN "Reports" cites a county for such a task only.
 */
export function tasksMet(indicators: Record<string, IndicatorResult>, campaign: CampaignDef): string[] {
  return campaign.tasks
    .map((task) => task.code)
    .filter((task) => {
      const targeted = campaign.indicators.filter(
        (d) => d.task === task && d.target && d.kind !== 'date' && !d.shownOnly,
      );
      return targeted.length > 0 && targeted.every((d) => indicators[d.code]?.score === 100);
    });
}

/** DOMAIN "Reports" rule 1: cited only where the task is met and the county is neither lagging nor watched. */
export function exemplarTasks(
  county: { indicators: Record<string, IndicatorResult>; lagging: boolean; watch: boolean },
  campaign: CampaignDef,
): string[] {
  return county.lagging || county.watch ? [] : tasksMet(county.indicators, campaign);
}
