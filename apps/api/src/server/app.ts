import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { trpcServer } from '@hono/trpc-server';
import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { isUnavailable, unavailableMessage } from '../db/unavailable';
import { sessionUser } from '../services/auth/sessions';
import { installedCampaigns } from '../services/campaign/registry';
import type { AppDeps } from '../trpc/context';
import type { Readiness } from './readiness';
import { refusalOf, httpStatus } from '../trpc/refusals';
import { appRouter } from '../trpc/root';
import { authRoutes, sessionCookie } from './auth-routes';
import { compressAndValidate } from './compress';
import { fileRoutes } from './file-routes';
import { campaignHeader } from './http-caller';
import { sameOriginWrites } from './origin';
import { batchLimit, limitBody, MAX_BATCH, requestIds, securityHeaders, TRPC_BODY_LIMIT } from './security';

// Type and format errors of every input come back in Chinese, like our own messages.
z.config(z.locales.zhCN());

export function createApp(deps: AppDeps, readiness: Readiness = { warm: true, answers: true }) {
  const app = new Hono<{ Variables: { requestId: string; clientRequestId: string | undefined } }>();
  app.use('*', requestIds);
  app.use('*', securityHeaders);
  app.use('*', compressAndValidate);
  app.use('*', sameOriginWrites);
  app.get('/healthz', async (c) =>
    c.json({
      ok: true,
      campaigns: (await installedCampaigns(deps)).map((k) => ({ code: k.code, version: k.version, name: k.name })),
      warm: readiness.warm,
      answers: readiness.answers,
    }),
  );
  app.use('/auth/*', limitBody(16 * 1024, '16 KB'));
  app.route('/auth', authRoutes(deps));
  app.route('/files', fileRoutes(deps));
  app.use('/trpc/*', limitBody(TRPC_BODY_LIMIT, '1 MB'), batchLimit);
  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      maxBatchSize: MAX_BATCH,
      // The session is read from the database on every request; `guarded` builds the procedure's ServiceContext from it.
      createContext: async (_opts, c) => ({
        ...deps,
        requestId: c.get('requestId') as string,
        sessionToken: getCookie(c, sessionCookie),
        requestedCampaign: c.req.header(campaignHeader) || undefined,
        user: await sessionUser(deps, getCookie(c, sessionCookie), new Date()).catch((err: unknown) => {
          // The session is the first read of every call: with the database gone, the whole batch answers 503.
          if (!isUnavailable(err)) throw err;
          const requestId = c.get('requestId');
          deps.logger.error({ err, requestId, path: c.req.path }, 'database unavailable');
          throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: unavailableMessage(requestId) });
        }),
      }),
    }),
  );
  app.notFound((c) => c.json({ error: '接口不存在' }, 404));
  app.onError((err, c) => {
    const requestId = c.get('requestId');
    if (isUnavailable(err)) {
      deps.logger.error({ err, requestId, path: c.req.path }, 'database unavailable');
      return c.json({ error: unavailableMessage(requestId), requestId }, 503);
    }
    const refusal = refusalOf(err);
    if (refusal) return c.json({ error: refusal.message, requestId }, httpStatus(refusal.kind));
    deps.logger.error(
      { err, requestId, clientRequestId: c.get('clientRequestId'), path: c.req.path },
      'request failed',
    );
    return c.json({ error: `服务器内部错误，请联系管理员（请求编号 ${requestId}）`, requestId }, 500);
  });
  return app;
}
