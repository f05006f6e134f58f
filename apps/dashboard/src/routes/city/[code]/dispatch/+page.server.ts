import { error, redirect } from '@sveltejs/kit';
import { deskActions, loadDesk } from '$lib/server/dispatch-desk';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { asOf, clock } = await event.parent();
  if (!asOf) redirect(303, '/login');
  const { code } = event.params;
  if (!/^\d{4}$/.test(code)) error(404, `${code} 不是市级单位代码`);
  return { desk: await loadDesk(event, code, asOf, clock?.today ?? asOf) };
};

export const actions: Actions = deskActions;
