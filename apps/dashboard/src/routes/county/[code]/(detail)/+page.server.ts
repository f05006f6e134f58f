import { apiFor, ask } from '$lib/server/api';
import { urgeMissing } from '$lib/server/urge-missing';
import type { Actions, PageServerLoad } from './$types';

/** The chosen indicator's history; only this load reruns when another indicator is chosen. */
export const load: PageServerLoad = async (event) => {
  const indicator = event.url.searchParams.get('indicator');
  if (!indicator || !/^[a-z0-9_]{1,64}$/.test(indicator)) return { indicator: null, history: [] };
  // Roster figures change only with a roster upload, which the audit log keeps under the field 'roster'.
  const { asOf, terms } = await event.parent();
  const field = terms?.rosterIndicators.some((i) => i.code === indicator) ? 'roster' : indicator;
  const history = await ask(
    event,
    apiFor(event).audit.history.query({ unit: event.params.code, indicator: field, asOf: asOf ?? undefined }),
  );
  return { indicator, history };
};

export const actions: Actions = { urgeMissing };
