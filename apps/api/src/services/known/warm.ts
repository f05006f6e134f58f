import { addDays, type CampaignDef } from '@dudao/schema/campaign';
import type { Db } from '../../db/client';
import { campaignOn } from '../campaign/registry';
import { provinceStatusAt } from './status-at';

/** The campaign's days from the latest (the dashboard's default view) back to its first. */
export function campaignDays(campaign: CampaignDef, today: string): string[] {
  const last = [addDays(campaign.end, 31), today].sort()[0]!;
  const days: string[] = [];
  for (let day = last; day >= campaign.start; day = addDays(day, -1)) days.push(day);
  return days;
}

/**
 * Fills the status cache one day per event-loop turn after start-up, campaign after campaign, so requests interleave
 * with it and the first visitor to any campaign day finds the answer ready. Each day is judged by the version in
 * force on it, exactly as `status.at` asks.
 */
export function warmStatusCache(db: Db, plans: { campaign: CampaignDef; days: string[] }[], done: (ms: number) => void): void {
  const started = performance.now();
  const steps = plans.flatMap((p) => p.days.map((day) => ({ code: p.campaign.code, day })));
  let i = 0;
  const step = () => {
    if (i >= steps.length) return done(performance.now() - started);
    const { code, day } = steps[i++]!;
    provinceStatusAt(db, campaignOn(db, code, day), day);
    setImmediate(step);
  };
  setImmediate(step);
}
