import { redirect } from '@sveltejs/kit';
import { act, apiFor, ask } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/form-text';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, '/login');
  const api = apiFor(event);
  const [kinds, prefs] = await Promise.all([
    ask(event, api.notify.kinds.query()),
    ask(event, api.notify.myPrefs.query()),
  ]);
  return { kinds, prefs };
};

type Kind = 'dingtalk' | 'wecom' | 'email' | 'sms';
type Group = 'deadline' | 'urge' | 'dispatch' | 'report' | 'digest' | 'document';

export const actions: Actions = {
  // Each kind of notice with the channels ticked for it; an unticked kind reaches the person only inside Dudao.
  default: async (event) => {
    const form = await event.request.formData();
    const choices: Partial<Record<Group, Kind[]>> = {};
    for (const [key, value] of form.entries())
      if (key.startsWith('choice:') && typeof value === 'string') {
        const group = key.slice('choice:'.length) as Group;
        choices[group] = [...(choices[group] ?? []), value as Kind];
      }
    const result = await act(
      event,
      apiFor(event).notify.savePrefs.mutate({
        email: formText(form, 'email'),
        phone: formText(form, 'phone'),
        choices,
      }),
    );
    if (!result.ok) return result.failure;
    return { saved: true };
  },
};
