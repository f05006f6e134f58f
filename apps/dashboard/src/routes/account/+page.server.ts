import { fail } from '@sveltejs/kit';
import { act, apiFor } from '$lib/server/api';
import type { Actions } from './$types';
import { formText } from '$lib/form-text';

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const oldPassword = formText(form, 'oldPassword');
    const newPassword = formText(form, 'newPassword');
    const confirm = formText(form, 'confirmPassword');
    if (!oldPassword || !newPassword) return fail(400, { error: '请填写原密码和新密码', issues: [] });
    if (newPassword !== confirm) return fail(400, { error: '两次输入的新密码不一致', issues: [] });
    const result = await act(event, apiFor(event).account.changePassword.mutate({ oldPassword, newPassword }));
    if (!result.ok) return result.failure;
    return { changed: true };
  },
};
