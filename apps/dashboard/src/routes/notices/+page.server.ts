import { redirect } from '@sveltejs/kit';
import { apiFor, ask } from '$lib/server/api';
import { markRead } from '$lib/server/notices';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user, asOf } = await event.parent();
  if (!user || !asOf) redirect(303, '/login');
  return { notices: await ask(event, apiFor(event).notices.mine.query({ asOf })) };
};

export const actions: Actions = { markRead };
