import type { CountyStatus } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';

/**
 * May a county's practice on a task be cited as an example (DOMAIN Reports)? Only when every scored indicator of the
 * task is green at the date and the county is neither lagging nor on the watch list. A task with no scored indicator
 * has no target to meet, so it never makes an example.
 */
export function exemplary(campaign: CampaignDef, county: CountyStatus, task: string): boolean {
  if (county.lagging || county.watch) return false;
  const scored = campaign.indicators.filter((d) => d.task === task && d.target && !d.shownOnly);
  return scored.length > 0 && scored.every((d) => county.indicators[d.code]?.status === 'green');
}
