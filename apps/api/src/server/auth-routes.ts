import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { loginInput } from '@dudao/schema/inputs';
import { sourceAddress } from '../services/auth/address';
import { login, LoginThrottled, logout } from '../services/auth/login';
import { sessionUser } from '../services/auth/sessions';
import { resolveCampaign } from '../services/campaign/registry';
import { DomainError } from '../services/errors';
import { inputProblems } from '../services/field-words';
import type { AppDeps } from '../trpc/context';
import { httpStatus } from '../trpc/refusals';

export const sessionCookie = 'dudao_session';

/** The address a request came from, X-Forwarded-For believed only from the dashboard proxy (see sourceAddress). */
export function addressOf(c: Context): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return sourceAddress(peer, c.req.header('x-forwarded-for'));
}

/** Secure when the browser reached us over HTTPS, directly or through the dashboard proxy. */
const overHttps = (c: Context) => c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';

export function authRoutes(deps: AppDeps) {
  const app = new Hono();
  app.post('/login', async (c) => {
    const body = loginInput.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: inputProblems(body.error.issues) }, 400);
    try {
      const { token, user } = await login(deps, body.data.username, body.data.password, addressOf(c), new Date());
      setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: overHttps(c) });
      return c.json({ user });
    } catch (e) {
      if (e instanceof LoginThrottled)
        return c.json({ error: e.message, waitSeconds: e.waitSeconds }, httpStatus(e.kind), {
          'Retry-After': String(e.waitSeconds),
        });
      if (e instanceof DomainError) return c.json({ error: e.message }, httpStatus(e.kind));
      throw e;
    }
  });
  app.post('/logout', async (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) await logout(deps, token, addressOf(c));
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.json({ ok: true });
  });
  // The login page names the campaign before anyone has signed in: the one a national scope would open with.
  app.get('/campaign', async (c) => {
    const campaign = await resolveCampaign(deps, '', undefined);
    return c.json({ code: campaign.code, name: campaign.name });
  });
  app.get('/me', async (c) => {
    const user = await sessionUser(deps, getCookie(c, sessionCookie), new Date());
    return user ? c.json({ user }) : c.json({ error: '未登录或登录已超时' }, 401);
  });
  return app;
}
