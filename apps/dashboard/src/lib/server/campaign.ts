import type { RequestEvent } from '@sveltejs/kit';
import { gateOfKind, processingDayLimit, summaryDue } from '@dudao/metrics';
import { provinceBureau } from '@dudao/schema/campaign';
import type { Campaign, CampaignChoices } from '$lib/api-types';
import { apiFor, ask } from './api';
import { apiUrl } from './config';

// A definition is the same for every user of its code and version; it is kept a short while (a db:reset may
// reinstall a code at the same version) instead of being asked for on every page. Which campaign and version a
// request means is asked each time, so a newly installed version or a switch shows at once.
const keepMs = 60_000;
const kept = new Map<string, { campaign: Campaign; at: number }>();
const choicesOf = new WeakMap<RequestEvent, Promise<CampaignChoices>>();

/** The campaigns this user may see and the one this request works in (from the switcher's cookie, or the default). */
export function campaignChoices(event: RequestEvent): Promise<CampaignChoices> {
  let choices = choicesOf.get(event);
  if (!choices) {
    choices = ask(event, apiFor(event).campaign.list.query());
    choicesOf.set(event, choices);
  }
  return choices;
}

export async function campaignFor(event: RequestEvent): Promise<Campaign> {
  const { current, campaigns } = await campaignChoices(event);
  const key = `${current}@${campaigns.find((c) => c.code === current)?.version ?? 0}`;
  const hit = kept.get(key);
  if (hit && Date.now() - hit.at < keepMs) return hit.campaign;
  const campaign = await ask(event, apiFor(event).campaign.get.query());
  kept.set(key, { campaign, at: Date.now() });
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
    supervision: supervision
      ? { code: supervision.code, name: supervision.name, start: supervision.laggingOn, due: supervision.deadline }
      : null,
    summary: summary ? { code: summary.code, name: summary.name, due: summary.deadline } : null,
    summaryDue: summaryDue(campaign),
    processingDayLimit: processingDayLimit(campaign),
    /** The province's code, the unit of its own documents. */
    province: campaign.province,
    /** The bureau city summaries go to, as a sentence names it ('省民政厅'). */
    provinceBureau: provinceBureau(campaign),
    /** 主送机关 of the province's summary when its settings name none. */
    provinceRecipient: campaign.documents.provinceSummary.recipient,
    /** The task the case log's figures belong to, null when the campaign derives none from a case log. */
    caseLogTask:
      campaign.indicators.find(
        (i) => i.derived?.kind === 'case_log_average_days' || i.derived?.kind === 'case_log_over_limit',
      )?.task ?? null,
    /** The roster-derived indicators, in the campaign's order, for the roster summary. */
    rosterIndicators: campaign.indicators
      .filter((i) => i.source === 'roster')
      .map((i) => ({ code: i.code, name: i.name, kind: i.kind, unit: i.unit ?? null, derived: i.derived ?? null })),
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
