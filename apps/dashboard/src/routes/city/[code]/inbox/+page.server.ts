import { error } from '@sveltejs/kit';
import { apiFor, ask } from '$lib/server/api';
import { missingItems, urgeAllMissing, urgeMissing } from '$lib/server/urge-missing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { code } = event.params;
  if (!/^\d{4}$/.test(code)) error(404, `${code} 不是市级单位代码`);
  const { asOf, clock } = await event.parent();
  const api = apiFor(event);
  const [unit, submitted, missing] = await Promise.all([
    ask(event, api.units.get.query({ code })),
    ask(event, api.reports.list.query({ unit: code, state: 'submitted', asOf: asOf ?? undefined })),
    asOf ? missingItems(event, code, asOf) : Promise.resolve([]),
  ]);
  // Decisions are taken on the clock's day; an earlier day shows what was waiting then.
  return { unit: { code: unit.code, name: unit.name }, submitted, missing, live: asOf === clock?.today };
};

// No decisions here: a reviewer opens the report before deciding (DOMAIN "Workflow"), so they are taken on its page.
export const actions: Actions = {
  urgeMissing,
  urgeAllMissing,
};
