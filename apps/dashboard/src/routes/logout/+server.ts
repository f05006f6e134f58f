import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/auth';
import { sessionCookie } from '$lib/session';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
  const cookies = await logout(event);
  event.cookies.delete(sessionCookie, { path: '/' });
  for (const cookie of cookies) event.cookies.set(cookie.name, cookie.value, cookie.options);
  redirect(303, '/login');
};
