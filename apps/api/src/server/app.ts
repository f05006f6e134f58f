import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { trpcServer } from '@hono/trpc-server';
import { sessionUser } from '../services/auth/sessions';
import { clockNow } from '../services/clock/clock';
import type { AppDeps } from '../trpc/context';
import { appRouter } from '../trpc/root';
import { authRoutes, sessionCookie } from './auth-routes';
import { fileRoutes } from './file-routes';
import { sameOriginWrites } from './origin';

export function createApp(deps: AppDeps, readiness: { warm: boolean } = { warm: true }) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use('*', async (c, next) => {
    c.set('requestId', c.req.header('x-request-id') ?? randomUUID());
    await next();
  });
  app.use('*', sameOriginWrites);
  app.get('/healthz', (c) => c.json({ ok: true, campaign: deps.campaign.code, warm: readiness.warm }));
  app.route('/auth', authRoutes(deps));
  app.route('/files', fileRoutes(deps));
  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      createContext: (_opts, c) => ({
        ...deps,
        requestId: c.get('requestId') as string,
        now: () => clockNow(deps.db),
        user: sessionUser(deps.db, getCookie(c, sessionCookie), new Date()),
      }),
    }),
  );
  app.onError((err, c) => {
    const requestId = c.get('requestId');
    deps.logger.error({ err, requestId, path: c.req.path }, 'request failed');
    return c.json({ error: `服务器内部错误，请联系管理员（请求编号 ${requestId}）`, requestId }, 500);
  });
  return app;
}
