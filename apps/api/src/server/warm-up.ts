import type { Logger } from 'pino';
import type { Opened } from '../db/client';
import { currentCampaign } from '../services/campaign/store';
import { installedCampaigns } from '../services/campaign/registry';
import { readClock } from '../services/clock/clock';
import {
  campaignDays,
  warmCountyCuts,
  warmForecasts,
  warmOverviewAnswers,
  warmStatusCache,
  type Plans,
  type WarmUp,
} from '../services/known/warm';
import { packAnswer } from './fast-reads';

export interface WarmUpOptions {
  /** Also keep the answers of settled days (overviews, each county's, forecasts): wanted wherever reads are answered. */
  answers: boolean;
  onWarm: () => void;
  onAnswers: () => void;
  /** A stage failed (logged already). */
  onFailed?: (err: unknown) => void;
}

/**
 * A process's (or read worker's) start-up warm-up, behind the requests, one stage after another: every campaign day's
 * status (then `onWarm`), and when asked the settled days' overview answers, each county's status with its bytes
 * made, and the forecasts (then `onAnswers`). A failing first read rejects (the caller ends the process, as when the
 * warm-up ran inline); a stage's failure is logged and ends the warm-up, since a request answers without the cache.
 * Resolves to a stop.
 */
export async function warmUp(opened: Opened, logger: Logger, options: WarmUpOptions): Promise<() => void> {
  // The campaign clock's day, not the machine's: days after it have not happened, and nobody may read them.
  const { today } = await readClock(opened);
  const plans: Plans = [];
  for (const k of await installedCampaigns(opened)) {
    const campaign = await currentCampaign(opened, k.code);
    plans.push({ campaign, days: campaignDays(campaign, today) });
  }
  const counties: WarmUp = (ctx, p, done, failed) => warmCountyCuts(ctx, p, packAnswer, done, failed);
  const stages: [string, WarmUp, (() => void)?][] = [
    ['status cache', warmStatusCache, options.onWarm],
    ...(options.answers
      ? ([
          ['overview answers of settled days', warmOverviewAnswers],
          ["counties' answers of settled days", counties],
          ['forecasts of settled days', warmForecasts, options.onAnswers],
        ] as [string, WarmUp, (() => void)?][])
      : []),
  ];
  let stop = () => {};
  const run = (at: number) => {
    const [name, stage, reached] = stages[at]!;
    stop = stage(
      opened,
      plans,
      (ms) => {
        reached?.();
        logger.info({ campaigns: plans.map((p) => p.campaign.code), ms: Math.round(ms) }, `${name} warmed`);
        if (at + 1 < stages.length) run(at + 1);
      },
      (err) => {
        logger.error({ err }, `${name} warm-up failed`);
        options.onFailed?.(err);
      },
    );
  };
  run(0);
  return () => stop();
}
