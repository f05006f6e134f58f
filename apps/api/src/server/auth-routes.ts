import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { loginInput } from '@dudao/schema/inputs';
import { LoginLockout } from '../services/auth/lockout';
import { login } from '../services/auth/login';
import { endSession, sessionUser } from '../services/auth/sessions';
import { clockNow } from '../services/clock/clock';
import { DomainError } from '../services/errors';
import type { AppDeps } from '../trpc/context';

export const sessionCookie = 'dudao_session';

export function authRoutes(deps: AppDeps) {
  const lockout = new LoginLockout();
  const app = new Hono();
  app.post('/login', async (c) => {
    const body = loginInput.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: body.error.issues.map((i) => i.message).join('；') }, 400);
    try {
      const { token, user } = await login(deps.db, lockout, body.data.username, body.data.password, new Date(), clockNow(deps.db).toISOString());
      setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: c.req.url.startsWith('https:') });
      return c.json({ user });
    } catch (e) {
      if (e instanceof DomainError) return c.json({ error: e.message }, e.kind === 'forbidden' ? 429 : 401);
      throw e;
    }
  });
  app.post('/logout', (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) endSession(deps.db, token);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.json({ ok: true });
  });
  app.get('/me', (c) => {
    const user = sessionUser(deps.db, getCookie(c, sessionCookie), new Date());
    return user ? c.json({ user }) : c.json({ error: '未登录' }, 401);
  });
  return app;
}
