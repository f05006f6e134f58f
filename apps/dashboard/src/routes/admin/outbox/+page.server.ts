import { redirect } from '@sveltejs/kit';
import { act, apiFor, ask } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const states = ['dead', 'pending', 'sent', 'skipped'] as const;
type State = (typeof states)[number];

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, '/login');
  const asked = event.url.searchParams.get('state') ?? 'dead';
  const state: State = (states as readonly string[]).includes(asked) ? (asked as State) : 'dead';
  return { state, ...(await ask(event, apiFor(event).notify.outbox.query({ state }))) };
};

export const actions: Actions = {
  resend: async (event) => {
    const id = Number((await event.request.formData()).get('id'));
    const result = await act(event, apiFor(event).notify.resend.mutate({ id }));
    if (!result.ok) return result.failure;
    return { resent: id };
  },
};
