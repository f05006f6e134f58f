import { apiFor, ask } from '$lib/server/api';
import { markRead } from '$lib/server/notices';
import { clerkOnly } from '$lib/server/clerk';
import { uploadAction } from '$lib/server/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { county, asOf } = clerkOnly(parent.user, parent.asOf);
  const api = apiFor(event);
  const [todo, notices, reports, cases, urges] = await Promise.all([
    ask(event, api.todo.mine.query({ asOf })),
    ask(event, api.notices.mine.query({ asOf })),
    ask(event, api.reports.list.query({ unit: county, asOf })),
    ask(event, api.cases.summary.query({ countyCode: county, asOf })),
    ask(event, api.urge.counts.query({ asOf, unit: county })),
  ]);
  return { county, todo, notices, reports, cases, urges };
};

export const actions: Actions = {
  markRead,
  uploadCases: (event) => uploadAction(event, 'cases', event.locals.user?.scopeCode ?? ''),
};
