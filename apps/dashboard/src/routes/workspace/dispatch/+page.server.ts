import { fail } from '@sveltejs/kit';
import { act, apiFor, ask } from '$lib/server/api';
import { clerkOnly } from '$lib/server/clerk';
import { forwardAttachment } from '$lib/server/dispatch-files';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/form-text';

const MAX_BYTES = 10 * 1024 * 1024;

export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { county, asOf } = clerkOnly(parent.user, parent.asOf);
  return { county, orders: await ask(event, apiFor(event).dispatch.list.query({ asOf, unit: county })) };
};

export const actions: Actions = {
  sign: async (event) => {
    const form = await event.request.formData();
    const id = Number(form.get('id'));
    const county = event.locals.user?.scopeCode ?? '';
    const result = await act(event, apiFor(event).dispatch.sign.mutate({ id, county }));
    if (!result.ok) return fail(result.failure.status, { form: `order-${id}`, error: result.failure.data.error });
    return { form: `order-${id}`, done: '已签收，请按期办理并反馈' };
  },
  feedback: async (event) => {
    const form = await event.request.formData();
    const id = Number(form.get('id'));
    const county = event.locals.user?.scopeCode ?? '';
    const key = `order-${id}`;
    const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    const big = files.find((f) => f.size > MAX_BYTES);
    if (big) return fail(400, { form: key, error: `附件 ${big.name} 超过 10 MB` });
    const ids: number[] = [];
    for (const file of files) {
      const stored = await forwardAttachment(event, id, county, file);
      if ('error' in stored) return fail(stored.status === 403 ? 403 : 400, { form: key, error: stored.error });
      ids.push(stored.id);
    }
    const input = {
      id,
      county,
      text: formText(form, 'text').trim(),
      askClose: form.get('askClose') === 'on',
      files: ids,
    };
    const result = await act(event, apiFor(event).dispatch.feedback.mutate(input));
    if (!result.ok) return fail(result.failure.status, { form: key, error: result.failure.data.error });
    return { form: key, done: input.askClose ? '已反馈并申请办结，等待复核' : '已反馈办理进展' };
  },
};
