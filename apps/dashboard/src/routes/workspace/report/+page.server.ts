import { redirect } from '@sveltejs/kit';
import { withAsOf } from '$lib/as-of';
import { apiFor, ask } from '$lib/server/api';
import { campaignFor } from '$lib/server/campaign';
import { clerkOnly } from '$lib/server/clerk';
import type { PageServerLoad } from './$types';

/** Opens the report the clerk most urgently owes (the to-do list's order), else the latest period ended before the as-of month. */
export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { asOf } = clerkOnly(parent.user, parent.asOf);
  const [todo, campaign] = await Promise.all([ask(event, apiFor(event).todo.mine.query({ asOf })), campaignFor(event)]);
  const owed = todo.find((t) => (t.kind === 'report' || t.kind === 'returned') && t.period)?.period;
  const ended = campaign.periods.filter((p) => p < asOf.slice(0, 7)).at(-1);
  redirect(303, withAsOf(`/workspace/report/${owed ?? ended ?? campaign.periods[0]}`, asOf));
};
