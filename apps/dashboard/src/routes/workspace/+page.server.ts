import { fail } from '@sveltejs/kit';
import { act, apiFor, ask } from '$lib/server/api';
import { clerkOnly } from '$lib/server/clerk';
import { uploadAction } from '$lib/server/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { county, asOf } = clerkOnly(parent.user, parent.asOf);
  const api = apiFor(event);
  const [todo, notices, reports, cases] = await Promise.all([
    ask(event, api.todo.mine.query({ asOf })),
    ask(event, api.notices.mine.query({ asOf })),
    ask(event, api.reports.list.query({ unit: county, asOf })),
    ask(event, api.cases.summary.query({ countyCode: county, asOf })),
  ]);
  return { county, todo, notices, reports, cases };
};

export const actions: Actions = {
  markRead: async (event) => {
    const keys = (await event.request.formData()).getAll('key').map(String).filter(Boolean);
    if (keys.length === 0) return fail(400, { kind: 'notices', error: '没有要标记的通知', lines: [] as string[] });
    const result = await act(event, apiFor(event).notices.markRead.mutate({ keys }));
    if (!result.ok) return result.failure;
    return { kind: 'notices', done: `已标为已读 ${result.value.marked} 条` };
  },
  uploadCases: (event) => uploadAction(event, 'cases', event.locals.user?.scopeCode ?? ''),
};
