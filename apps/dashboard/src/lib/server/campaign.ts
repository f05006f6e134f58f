import type { RequestEvent } from '@sveltejs/kit';
import { gateOfKind, processingDayLimit, summaryDue } from '@dudao/metrics';
import type { Campaign } from '$lib/api-types';
import { apiFor, ask } from './api';

// The campaign definition is the same for every user and changes only when the API is reset, so it is kept
// for a short while instead of being asked for on every page.
const keepMs = 60_000;
let kept: { campaign: Campaign; at: number } | null = null;

export async function campaignFor(event: RequestEvent): Promise<Campaign> {
  if (kept && Date.now() - kept.at < keepMs) return kept.campaign;
  const campaign = await ask(event, apiFor(event).campaign.get.query());
  kept = { campaign, at: Date.now() };
  return campaign;
}

/** The dates and thresholds pages name in their text, read from the campaign definition so no page keeps a copy. */
export function campaignTerms(campaign: Campaign) {
  const supervision = gateOfKind(campaign, 'supervision_of_lagging');
  const summary = gateOfKind(campaign, 'summary_submitted');
  return {
    eligibleRecipients: campaign.thresholds.eligibleRecipients,
    reportName: campaign.reportName,
    gateDue: Object.fromEntries(campaign.gates.map((g) => [g.code, g.deadline])) as Record<string, string>,
    /** The supervision gate (lagging judged on `start`, visits due by `due`), null when the campaign has none. */
    supervision: supervision ? { code: supervision.code, name: supervision.name, start: supervision.laggingOn, due: supervision.deadline } : null,
    summary: summary ? { code: summary.code, name: summary.name, due: summary.deadline } : null,
    summaryDue: summaryDue(campaign),
    processingDayLimit: processingDayLimit(campaign),
    /** The task the case log's figures belong to, null when the campaign derives none from a case log. */
    caseLogTask: campaign.indicators.find((i) => i.derived?.kind === 'case_log_average_days' || i.derived?.kind === 'case_log_over_limit')?.task ?? null,
    /** The roster-derived indicators, in the campaign's order, for the roster summary. */
    rosterIndicators: campaign.indicators.filter((i) => i.source === 'roster').map((i) => ({ code: i.code, name: i.name, kind: i.kind, unit: i.unit ?? null, derived: i.derived ?? null })),
  };
}
export type CampaignTerms = ReturnType<typeof campaignTerms>;
