import type { CampaignDef } from '@dudao/schema/campaign';
import type { IndicatorResult } from './types';

/**
 * Tasks whose targets the county meets as of the date: the task has scored targets and every one of them scores
 * full marks (value at or beyond what is expected by then). DOMAIN "Reports" cites a county for such a task only.
 */
export function tasksMet(indicators: Record<string, IndicatorResult>, campaign: CampaignDef): readonly string[] {
  const known = metByIndicators.get(indicators);
  if (known?.campaign === campaign) return known.met;
  const met = targetedOf(campaign)
    .filter(({ targeted }) => targeted.length > 0 && targeted.every((code) => indicators[code]?.score === 100))
    .map(({ task }) => task);
  metByIndicators.set(indicators, { campaign, met });
  return met;
}

// A county's indicators are never changed once judged, and the status cache ranks the same judged county again on
// every read of its day: the nation's 2,978 counties were looked through for every read after one county's write.
const metByIndicators = new WeakMap<
  Record<string, IndicatorResult>,
  { campaign: CampaignDef; met: readonly string[] }
>();

/** Each task's scored targets, found once per campaign definition: every county of the nation asks. */
const targetedByCampaign = new WeakMap<CampaignDef, { task: string; targeted: string[] }[]>();
function targetedOf(campaign: CampaignDef): { task: string; targeted: string[] }[] {
  let found = targetedByCampaign.get(campaign);
  if (!found) {
    found = campaign.tasks.map((task) => ({
      task: task.code,
      targeted: campaign.indicators
        .filter((d) => d.task === task.code && d.target && d.kind !== 'date' && !d.shownOnly)
        .map((d) => d.code),
    }));
    targetedByCampaign.set(campaign, found);
  }
  return found;
}

/** DOMAIN "Reports" rule 1: cited only where the task is met and the county is neither lagging nor watched. */
export function exemplarTasks(
  county: { indicators: Record<string, IndicatorResult>; lagging: boolean; watch: boolean },
  campaign: CampaignDef,
): readonly string[] {
  return county.lagging || county.watch ? [] : tasksMet(county.indicators, campaign);
}
