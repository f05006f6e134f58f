import { redirect } from '@sveltejs/kit';
import { withAsOf } from '$lib/as-of';
import { apiFor, ask } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { asOf } = await event.parent();
  const query = (event.url.searchParams.get('q') ?? '').trim().slice(0, 40);
  if (query === '') return { query, results: [] };
  const results = await ask(event, apiFor(event).units.search.query({ query, limit: 50 }));
  // One match, or one unit named or coded exactly so, leaves nothing to choose: go straight to its county's page.
  const exact = results.filter((r) => r.code === query || r.name === query);
  const only = results.length === 1 ? results[0] : exact.length === 1 ? exact[0] : undefined;
  if (only) redirect(303, withAsOf(`/county/${only.countyCode}`, asOf ?? ''));
  return { query, results };
};
