import { redirect } from '@sveltejs/kit';
import { deskActions, loadDesk } from '$lib/server/dispatch-desk';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { asOf, user, clock } = await event.parent();
  if (!asOf || !user) redirect(303, '/login');
  if (!user.role.startsWith('province'))
    redirect(303, user.role === 'city_officer' ? `/city/${user.scopeCode}/dispatch` : '/workspace/dispatch');
  return { desk: await loadDesk(event, user.scopeCode, asOf, clock?.today ?? asOf) };
};

export const actions: Actions = deskActions;
