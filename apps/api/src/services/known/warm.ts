import { addDays, type CampaignDef } from '@dudao/schema/campaign';
import { campaignOn } from '../campaign/registry';
import { readClock } from '../clock/clock';
import { forecastsAt } from '../forecast/forecast-at';
import type { Ctx } from '../context';
import { listUnits } from '../org/units';
import { dispatchSummaryAt, reportListAt, supervisionOverviewAt, urgeCountsAt } from './overview-answers';
import { cutToUnit, provinceStatusAt } from './status-at';

/** The campaign's days from the latest (the dashboard's default view) back to its first. */
export function campaignDays(campaign: CampaignDef, today: string): string[] {
  const last = [addDays(campaign.end, 31), today].sort()[0]!;
  const days: string[] = [];
  for (let day = last; day >= campaign.start; day = addDays(day, -1)) days.push(day);
  return days;
}

export type Plans = { campaign: CampaignDef; days: string[] }[];
/** A warm-up of `plans` run behind the requests (see `behindRequests`); the function returned stops it. */
export type WarmUp = (
  ctx: Ctx,
  plans: Plans,
  done: (ms: number) => void,
  failed?: (err: unknown) => void,
) => () => void;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a warm-up behind the requests: returns at once, `done` tells when it ends, `failed` when a read fails; the
 * returned function stops it (before the database closes at shutdown). Each step's queries are awaited before the
 * next turn, so a warm-up never holds more than one read open.
 */
function behindRequests(
  work: (stopped: () => boolean) => Promise<void>,
  done: (ms: number) => void,
  failed: (err: unknown) => void,
): () => void {
  const started = performance.now();
  let stopped = false;
  setImmediate(() =>
    work(() => stopped).then(
      () => stopped || done(performance.now() - started),
      (err) => stopped || failed(err),
    ),
  );
  return () => {
    stopped = true;
  };
}

/**
 * Fills the status cache one day per event-loop turn after start-up, campaign after campaign, so requests interleave
 * with it and the first visitor to any campaign day finds the answer ready. Each day is judged by the version in
 * force on it, exactly as `status.at` asks.
 */
export const warmStatusCache: WarmUp = (ctx, plans, done, failed = () => {}) =>
  behindRequests(
    async (stopped) => {
      for (const { campaign, days } of plans) {
        for (const day of days) {
          await nextTurn();
          if (stopped()) return;
          await provinceStatusAt({ ...ctx, campaign: await campaignOn(ctx, campaign.code, day) }, day);
        }
      }
    },
    done,
    failed,
  );

/**
 * After the status warm-up: the province's and each city's overview answers (report list, dispatch summary,
 * supervision overview, urge counts) for every day, today first, one unit and day per event-loop turn, so an official
 * looking at any day of the campaign is answered from memory (each county's answers and the forecasts follow:
 * `warmCountyCuts`, `warmForecasts`).
 */
export const warmOverviewAnswers: WarmUp = (ctx, plans, done, failed = () => {}) =>
  behindRequests(
    async (stopped) => {
      for (const plan of plans) {
        const c = { ...ctx, campaign: plan.campaign };
        const cities = (await listUnits(ctx, { parent: plan.campaign.province, level: 'city' })).map((u) => u.code);
        for (const day of plan.days) {
          for (const unit of [plan.campaign.province, ...cities]) {
            await nextTurn();
            if (stopped()) return;
            // As the pages ask: the city page lists the reports waiting for it; the province page reads no list.
            if (unit !== plan.campaign.province) await reportListAt(c, unit, { asOf: day, state: 'submitted' });
            await dispatchSummaryAt(c, unit, day);
            await supervisionOverviewAt(c, unit, day);
            await urgeCountsAt(c, unit, day);
          }
        }
      }
    },
    done,
    failed,
  );

/**
 * Last, each settled day's forecasts (kept compact, some 0.6 MB a day: `forecast/forecast-at.ts`), newest first, a
 * day per turn (50–200 ms, giving turns itself), so a page looking back at any day shows its outlook at once.
 */
export const warmForecasts: WarmUp = (ctx, plans, done, failed = () => {}) =>
  behindRequests(
    async (stopped) => {
      const { today } = await readClock(ctx);
      for (const { campaign, days } of plans) {
        for (const day of days.filter((d) => d < today)) {
          await nextTurn();
          if (stopped()) return;
          await forecastsAt({ ...ctx, campaign: await campaignOn(ctx, campaign.code, day) }, day);
        }
      }
    },
    done,
    failed,
  );

/** Counties cut per event-loop turn: a cut and its bytes take some 0.3 ms, so a turn stays near 6 ms. */
const CUTS_PER_TURN = 20;

/**
 * Last, every county's cut of every settled day's status (what its clerks read, `status.at`), handed to `keep`, which
 * makes its bytes once (`fast-reads.ts`: some 1.5 KB compressed a county and day), so a clerk paging back through the
 * campaign is answered from memory, as the overview pages are.
 */
export function warmCountyCuts(
  ctx: Ctx,
  plans: Plans,
  keep: (cut: object) => void,
  done: (ms: number) => void,
  failed: (err: unknown) => void = () => {},
): () => void {
  return behindRequests(
    async (stopped) => {
      const { today } = await readClock(ctx);
      for (const { campaign, days } of plans) {
        for (const day of days.filter((d) => d < today)) {
          const status = await provinceStatusAt({ ...ctx, campaign: await campaignOn(ctx, campaign.code, day) }, day);
          for (let i = 0; i < status.counties.length; i += CUTS_PER_TURN) {
            await nextTurn();
            if (stopped()) return;
            for (const county of status.counties.slice(i, i + CUTS_PER_TURN)) keep(cutToUnit(status, county.code));
          }
        }
      }
    },
    done,
    failed,
  );
}
