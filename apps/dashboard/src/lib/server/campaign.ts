import type { RequestEvent } from '@sveltejs/kit';
import { gateDeadline, processingDayLimit, supervisionStart } from '@dudao/metrics';
import { provinceBureau } from '@dudao/schema/campaign';
import type { Campaign } from '$lib/api-types';
import { apiFor, ask } from './api';
import { apiUrl } from './config';

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
  return {
    eligibleRecipients: campaign.thresholds.eligibleRecipients,
    gateDue: Object.fromEntries(campaign.gates.map((g) => [g.code, g.deadline])) as Record<string, string>,
    supervisionStart: supervisionStart(campaign),
    supervisionDue: gateDeadline(campaign, 'm4_supervised'),
    summaryDue: gateDeadline(campaign, 'm5_city_summary'),
    processingDayLimit: processingDayLimit(campaign),
    /** The province's code, the unit of its own documents. */
    province: campaign.province,
    /** The bureau city summaries go to, as a sentence names it ('省民政厅'). */
    provinceBureau: provinceBureau(campaign),
    /** 主送机关 of the province's summary when its settings name none. */
    provinceRecipient: campaign.documents.provinceSummary.recipient,
  };
}
export type CampaignTerms = ReturnType<typeof campaignTerms>;

/** The campaign's name for the login page, which the API tells anyone; null when the API cannot be reached. */
export async function campaignNameBeforeLogin(): Promise<string | null> {
  try {
    const res = await fetch(`${apiUrl()}/auth/campaign`);
    return res.ok ? ((await res.json()) as { name: string }).name : null;
  } catch {
    return null;
  }
}
