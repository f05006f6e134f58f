import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/next';
import { login } from '$lib/server/auth';
import { campaignNameBeforeLogin } from '$lib/server/campaign';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/form-text';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
  return { next: safeNext(url.searchParams.get('next')), campaignName: await campaignNameBeforeLogin() };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const username = formText(form, 'username').trim();
    const password = formText(form, 'password');
    if (!username || !password) return fail(400, { username, error: '请输入用户名和密码' });

    const result = await login(event, { username, password });
    if (!result.ok) return fail(result.status, { username, error: result.error });
    for (const cookie of result.cookies) event.cookies.set(cookie.name, cookie.value, cookie.options);
    redirect(303, safeNext(form.get('next')));
  },
};
