import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { loginUrl } from '$lib/next';
import { currentUser } from '$lib/server/auth';
import { isProxied, proxy } from '$lib/server/proxy';

const publicPaths = new Set(['/login', '/healthz']);

export const handle: Handle = async ({ event, resolve }) => {
  const { pathname } = event.url;
  if (isProxied(pathname)) return proxy(event);

  event.locals.user = pathname === '/healthz' ? null : await currentUser(event);
  if (!event.locals.user && !publicPaths.has(pathname)) redirect(303, loginUrl(event.url));
  return resolve(event);
};

export const handleError: HandleServerError = ({ error, status }) => {
  if (status === 404) return { message: '页面不存在' };
  console.error(error);
  return { message: '服务器内部错误，请稍后再试' };
};
