import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { loginUrl, sitePath } from '$lib/next';
import { currentUser } from '$lib/server/auth';
import { protectResponse } from '$lib/server/headers';
import { isProxied, proxy } from '$lib/server/proxy';
import { campaignChoices } from '$lib/server/campaign';
import { campaignCookie } from '$lib/campaign-choice';

const publicPaths = new Set(['/login', '/healthz']);
/** Where a user whose password someone else set may go before changing it. */
const passwordPaths = new Set(['/account', '/logout']);

export const handle: Handle = async ({ event, resolve }) => {
  const { pathname } = event.url;
  const secure = event.url.protocol === 'https:';
  if (isProxied(pathname)) return protectResponse(await proxy(event), secure);

  event.locals.user = pathname === '/healthz' ? null : await currentUser(event);
  if (!event.locals.user && !publicPaths.has(pathname)) redirect(303, loginUrl(event.url));
  if (event.locals.user?.mustChangePassword && !passwordPaths.has(pathname) && !publicPaths.has(pathname))
    redirect(303, '/account');
  // A remembered campaign that is gone (a reset) or not the user's is forgotten before any page asks the API with it.
  const chosen = event.cookies.get(campaignCookie);
  if (event.locals.user && chosen && !(await campaignChoices(event)).campaigns.some((c) => c.code === chosen)) {
    event.cookies.delete(campaignCookie, { path: '/' });
    redirect(303, sitePath(`${pathname}${event.url.search}`));
  }
  return protectResponse(await resolve(event), secure);
};

export const handleError: HandleServerError = ({ error, status }) => {
  if (status === 404) return { message: '页面不存在' };
  console.error(error);
  return { message: '服务器内部错误，请稍后再试' };
};
