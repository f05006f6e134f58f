import { apiFor, ask } from '$lib/server/api';
import { clerkOnly } from '$lib/server/clerk';
import { uploadAction } from '$lib/server/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { county } = clerkOnly(parent.user, parent.asOf);
  // The clerk works on the roster as it stands now; the county page shows it as known on the as-of day.
  const roster = await ask(event, apiFor(event).roster.current.query({ countyCode: county }));
  return { county, roster };
};

export const actions: Actions = {
  upload: (event) => uploadAction(event, 'roster', event.locals.user?.scopeCode ?? ''),
};
