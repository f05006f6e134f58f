import { error, redirect } from '@sveltejs/kit';
import { campaignCookie, isCampaignCode } from '$lib/campaign-choice';
import { campaignChoices } from '$lib/server/campaign';
import { sitePath } from '$lib/next';
import type { RequestHandler } from './$types';

/** The header's switcher: remembers the chosen campaign (one the user may see) and returns to the page it came from. */
export const POST: RequestHandler = async (event) => {
  const form = await event.request.formData();
  const code = form.get('campaign');
  if (!isCampaignCode(code)) error(400, '请选择一个行动');
  const { campaigns } = await campaignChoices(event);
  if (!campaigns.some((c) => c.code === code)) error(403, `无权访问行动 ${code}`);
  event.cookies.set(campaignCookie, code, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    maxAge: 365 * 24 * 3600,
  });
  // Only a path of this site; the as-of date stays out, since the other campaign has its own days.
  redirect(303, sitePath(form.get('back')).split('?')[0]!);
};
