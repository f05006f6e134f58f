import { error } from '@sveltejs/kit';
import { apiFor, ask } from '$lib/server/api';
import { acceptSelected, decide } from '$lib/server/decisions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user, asOf, clock } = await event.parent();
  if (user?.role !== 'province_admin' && user?.role !== 'province_viewer') error(403, '省级确认收件箱仅对省级用户开放');
  const api = apiFor(event);
  const [approved, cities] = await Promise.all([
    ask(event, api.reports.list.query({ unit: user.scopeCode, state: 'approved', asOf: asOf ?? undefined })),
    ask(event, api.units.tree.query({ unit: user.scopeCode })),
  ]);
  const cityNames = Object.fromEntries(cities.children.map((c) => [c.code, c.name]));
  // Decisions are taken on the clock's day; an earlier day shows what was waiting then.
  return {
    approved: approved.map((r) => ({
      ...r,
      cityCode: r.countyCode.slice(0, 4),
      cityName: cityNames[r.countyCode.slice(0, 4)] ?? r.countyCode.slice(0, 4),
    })),
    canDecide: user.role === 'province_admin' && asOf === clock?.today,
    asOf,
    today: clock?.today ?? null,
  };
};

export const actions: Actions = {
  accept: (event) => decide(event, 'accept'),
  acceptMany: (event) => acceptSelected(event),
};
