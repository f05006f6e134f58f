import { fail, redirect } from '@sveltejs/kit';
import { backWithoutAsOf, clockFromInput } from '$lib/clock';
import { act, apiFor } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/form-text';

export const load: PageServerLoad = (event) => ({ back: backWithoutAsOf(event.url.searchParams.get('back') ?? '/') });

export const actions: Actions = {
  // An admin moves the campaign clock forward; the API refuses a move back.
  default: async (event) => {
    const form = await event.request.formData();
    const back = backWithoutAsOf(formText(form, 'back', '/'));
    const at = clockFromInput(formText(form, 'at'));
    if (!at) return fail(400, { error: '拨到（北京时间）：请填写要拨到的日期和时间', issues: [] });
    const result = await act(event, apiFor(event).clock.set.mutate({ at }));
    if (!result.ok) return result.failure;
    redirect(303, back);
  },
};
