import { redirect } from '@sveltejs/kit';
import { asOfRange, beijingToday, readAsOf, withAsOf } from '$lib/as-of';
import { campaignFor, campaignTerms } from '$lib/server/campaign';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) return { user: null, asOf: null, range: null, campaignName: null, terms: null };
  const campaign = await campaignFor(event);
  const range = asOfRange(campaign);
  const { asOf, ok } = readAsOf(event.url.searchParams.get('asOf'), range, beijingToday(new Date()));
  if (!ok) redirect(307, withAsOf(`${event.url.pathname}${event.url.search}`, asOf));
  return { user, asOf, range, campaignName: campaign.name, terms: campaignTerms(campaign) };
};
