import type { RequestEvent } from '@sveltejs/kit';
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
