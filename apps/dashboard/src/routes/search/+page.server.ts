import { redirect } from '@sveltejs/kit';
import { withAsOf } from '$lib/as-of';
import { apiFor, ask } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { asOf } = await event.parent();
  const query = (event.url.searchParams.get('q') ?? '').trim().slice(0, 40);
  if (query === '') return { query, results: [] };
  const results = await ask(event, apiFor(event).units.search.query({ query, limit: 50 }));
  // One match leaves nothing to choose: go straight to its county's page.
  if (results.length === 1 && event.url.searchParams.get('list') !== '1') redirect(303, withAsOf(`/county/${results[0]!.countyCode}`, asOf ?? ''));
  return { query, results };
};
