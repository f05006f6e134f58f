import type { CampaignDef } from '@dudao/schema/campaign';
import type { IndicatorResult } from './types';

/** Mean of each task's scored indicators; a missing indicator is scored 0 and so pulls the mean down. */
export function taskScores(
  indicators: Record<string, IndicatorResult>,
  campaign: CampaignDef,
): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const task of campaign.tasks) {
    let sum = 0;
    let scored = 0;
    for (const def of campaign.indicators) {
      const score = def.task === task.code ? indicators[def.code]?.score : null;
      if (score === null || score === undefined) continue;
      sum += score;
      scored += 1;
    }
    scores[task.code] = scored === 0 ? null : sum / scored;
  }
  return scores;
}

/** Weighted mean of the task scores that have any scored indicator; null when none has. */
export function compositeScore(scores: Record<string, number | null>, campaign: CampaignDef): number | null {
  let weighted = 0;
  let weights = 0;
  for (const task of campaign.tasks) {
    const score = scores[task.code];
    if (score === null || score === undefined) continue;
    weighted += score * task.weight;
    weights += task.weight;
  }
  return weights === 0 ? null : weighted / weights;
}
