import { redirect } from '@sveltejs/kit';
import { asOfRange, readAsOf, withAsOf } from '$lib/as-of';
import { sitePath } from '$lib/next';
import { apiFor, ask } from '$lib/server/api';
import { campaignChoices, campaignFor, campaignTerms } from '$lib/server/campaign';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user)
    return { user: null, asOf: null, range: null, campaignName: null, campaigns: null, clock: null, terms: null };
  // The campaign clock is read on every page: an admin may have moved it, and the as-of date follows its day.
  const [campaign, choices, clock] = await Promise.all([
    campaignFor(event),
    campaignChoices(event),
    ask(event, apiFor(event).clock.get.query()),
  ]);
  const range = asOfRange(campaign, clock.today);
  const { asOf, ok } = readAsOf(event.url.searchParams.get('asOf'), range, clock.today);
  // `//host/…` is a path to this server but a Location to another host: only a path of this site goes back out.
  if (!ok) redirect(307, withAsOf(sitePath(`${event.url.pathname}${event.url.search}`), asOf));
  return {
    user,
    asOf,
    range,
    campaignName: campaign.name,
    campaigns: {
      current: campaign.code,
      list: choices.campaigns.map((c) => ({ code: c.code, name: c.name, year: c.start.slice(0, 4) })),
    },
    clock,
    terms: campaignTerms(campaign),
  };
};
