import type { Logger } from 'pino';
import type { Opened } from '../db/client';
import { beijingDate } from '@dudao/schema/campaign';
import { currentCampaign } from '../services/campaign/store';
import { installedCampaigns } from '../services/campaign/registry';
import { campaignDays, warmCountyCuts, warmOverviewAnswers, warmStatusCache } from '../services/known/warm';
import { packAnswer } from './fast-reads';

export interface WarmUpOptions {
  /** Also keep the answers of settled days (overviews, then each county's): wanted wherever reads are answered. */
  answers: boolean;
  onWarm(): void;
  onAnswers(): void;
}

/**
 * A process's (or read worker's) start-up warm-up, behind the requests: every campaign day's status, then, when asked,
 * the overview answers of the settled days. A failing first read rejects (the caller ends the process, as when the
 * warm-up ran inline); later failures are logged, since a request answers without the cache. Resolves to a stop.
 */
export async function warmUp(opened: Opened, logger: Logger, options: WarmUpOptions): Promise<() => void> {
  const today = beijingDate(new Date());
  const plans: { campaign: Awaited<ReturnType<typeof currentCampaign>>; days: string[] }[] = [];
  for (const k of await installedCampaigns(opened)) {
    const campaign = await currentCampaign(opened, k.code);
    plans.push({ campaign, days: campaignDays(campaign, today) });
  }
  let stop = warmStatusCache(
    opened,
    plans,
    (ms) => {
      options.onWarm();
      logger.info(
        {
          campaigns: plans.map((p) => p.campaign.code),
          days: plans.reduce((n, p) => n + p.days.length, 0),
          ms: Math.round(ms),
        },
        'status cache warmed',
      );
      if (!options.answers) return;
      stop = warmOverviewAnswers(
        opened,
        plans,
        (ms) => {
          logger.info({ ms: Math.round(ms) }, 'overview answers of settled days warmed');
          stop = warmCountyCuts(
            opened,
            plans,
            packAnswer,
            (ms) => {
              options.onAnswers();
              logger.info({ ms: Math.round(ms) }, "counties' answers of settled days warmed");
            },
            (err) => logger.error({ err }, "counties' answers warm-up failed"),
          );
        },
        (err) => logger.error({ err }, 'overview answers warm-up failed'),
      );
    },
    (err) => logger.error({ err }, 'status cache warm-up failed'),
  );
  return () => stop();
}
