import { addDays, type CampaignDef } from '@dudao/schema/campaign';
import { campaignOn } from '../campaign/registry';
import { readClock } from '../clock/clock';
import type { Ctx } from '../context';
import { listUnits } from '../org/units';
import { dispatchSummaryAt, reportListAt, supervisionOverviewAt, urgeCountsAt } from './overview-answers';
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

/**
 * After the status warm-up: the province's and each city's overview answers (report list, dispatch summary,
 * supervision overview, urge counts) for every settled day, newest first, one unit and day per event-loop turn, so an
 * official looking back at any day of the campaign is answered from memory. Same contract as `warmStatusCache`.
 * Forecasts are left to the first reader of each day: kept for every day they would hold some 5 MB a day.
 */
export function warmOverviewAnswers(
  ctx: Ctx,
  plans: { campaign: CampaignDef; days: string[] }[],
  done: (ms: number) => void,
  failed: (err: unknown) => void = () => {},
): () => void {
  const started = performance.now();
  let stopped = false;
  const run = async () => {
    const { today } = await readClock(ctx);
    for (const plan of plans) {
      const c = { ...ctx, campaign: plan.campaign };
      const cities = (await listUnits(ctx, { parent: plan.campaign.province, level: 'city' })).map((u) => u.code);
      for (const day of plan.days.filter((d) => d < today)) {
        for (const unit of [plan.campaign.province, ...cities]) {
          if (stopped) return;
          const province = unit === plan.campaign.province;
          // As the pages ask: the city page lists the reports waiting for it; the province page reads no list.
          if (!province) await reportListAt(c, unit, { asOf: day, state: 'submitted' });
          await dispatchSummaryAt(c, unit, day);
          await supervisionOverviewAt(c, unit, day);
          await urgeCountsAt(c, unit, day);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
    }
    done(performance.now() - started);
  };
  setImmediate(() => void run().catch((err) => stopped || failed(err)));
  return () => {
    stopped = true;
  };
}
