import { addDays, type CampaignDef } from '@dudao/schema/campaign';
import { campaignOn } from '../campaign/registry';
import type { Ctx } from '../context';
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
 * force on it, exactly as `status.at` asks. Returns at once: the warm-up runs behind, `done` tells when it ends,
 * `failed` when a read fails; the returned function stops it (before the database closes at shutdown).
 */
export function warmStatusCache(
  ctx: Ctx,
  plans: { campaign: CampaignDef; days: string[] }[],
  done: (ms: number) => void,
  failed: (err: unknown) => void = () => {},
): () => void {
  const started = performance.now();
  const steps = plans.flatMap((p) => p.days.map((day) => ({ code: p.campaign.code, day })));
  let i = 0;
  let stopped = false;
  // Each day's queries are awaited before the next is scheduled, so the warm-up never holds more than one read open.
  const step = async (): Promise<void> => {
    if (stopped) return;
    if (i >= steps.length) return done(performance.now() - started);
    const { code, day } = steps[i++]!;
    await provinceStatusAt({ ...ctx, campaign: await campaignOn(ctx, code, day) }, day);
    setImmediate(next);
  };
  const next = () => void step().catch((err) => stopped || failed(err));
  setImmediate(next);
  return () => {
    stopped = true;
  };
}
