import { addDays, type CampaignDef } from '@dudao/schema/campaign';
import type { Db } from '../../db/client';
import { provinceStatusAt } from './status-at';

/** The campaign's days from the latest (the dashboard's default view) back to its first. */
export function campaignDays(campaign: CampaignDef, today: string): string[] {
  const last = [addDays(campaign.end, 31), today].sort()[0]!;
  const days: string[] = [];
  for (let day = last; day >= campaign.start; day = addDays(day, -1)) days.push(day);
  return days;
}

/**
 * Fills the status cache one day per event-loop turn after start-up, so requests interleave with it and the
 * first visitor to any campaign day finds the answer ready.
 */
export function warmStatusCache(db: Db, campaign: CampaignDef, days: string[], done: (ms: number) => void): void {
  const started = performance.now();
  let i = 0;
  const step = () => {
    if (i >= days.length) return done(performance.now() - started);
    provinceStatusAt(db, campaign, days[i++]!);
    setImmediate(step);
  };
  setImmediate(step);
}
