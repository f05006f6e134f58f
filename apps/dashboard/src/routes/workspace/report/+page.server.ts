import { redirect } from '@sveltejs/kit';
import { periodStart } from '@dudao/schema/campaign';
import { withAsOf } from '$lib/as-of';
import { apiFor, ask } from '$lib/server/api';
import { campaignFor } from '$lib/server/campaign';
import { clerkOnly } from '$lib/server/clerk';
import type { PageServerLoad } from './$types';

/** Opens the report the clerk most urgently owes (the to-do list's order), else the next one to fill. */
export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { county, asOf } = clerkOnly(parent.user, parent.asOf);
  const api = apiFor(event);
  const [todo, campaign, reports] = await Promise.all([
    ask(event, api.todo.mine.query({ asOf })),
    campaignFor(event),
    ask(event, api.reports.list.query({ unit: county, asOf })),
  ]);
  const owed = todo.find((t) => (t.kind === 'report' || t.kind === 'returned') && t.period)?.period;
  // Nothing owed: the first begun period still open to the clerk (the month under way), not a read-only one.
  const sent = new Set(reports.filter((r) => r.state !== 'draft' && r.state !== 'returned').map((r) => r.period));
  const next = campaign.periods.find((p) => periodStart(p) <= asOf && !sent.has(p));
  const ended = campaign.periods.filter((p) => p < asOf.slice(0, 7)).at(-1);
  redirect(303, withAsOf(`/workspace/report/${owed ?? next ?? ended ?? campaign.periods[0]}`, asOf));
};
