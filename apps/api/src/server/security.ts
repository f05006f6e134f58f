import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The API serves data, never pages: nothing may frame, sniff, cache or script it. */
export const securityHeaderValues: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(securityHeaderValues)) c.header(name, value);
};

const clientIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request id is always the server's; a client's x-request-id is kept only as a separate, validated field for
 * correlating with the dashboard's logs, so a caller can never forge or inject a log line's id.
 */
export const requestIds: MiddlewareHandler<{
  Variables: { requestId: string; clientRequestId: string | undefined };
}> = async (c, next) => {
  const requestId = randomUUID();
  const given = c.req.header('x-request-id');
  c.set('requestId', requestId);
  c.set('clientRequestId', given && clientIdPattern.test(given) ? given : undefined);
  await next();
  c.header('X-Request-Id', requestId);
};

/** Body limits per route family: a login is a few hundred bytes, a tRPC call (a whole report draft) well under 1 MB. */
export const limitBody = (maxSize: number, label: string) =>
  bodyLimit({ maxSize, onError: (c) => c.json({ error: `请求内容超过 ${label}，已拒绝` }, 413) });

/** A tRPC call's body: a whole report draft is well under it. */
export const TRPC_BODY_LIMIT = 1024 * 1024;

export const MAX_BATCH = 20;

/** A tRPC batch names its procedures in the path, comma-separated: more than MAX_BATCH is refused before any runs. */
export const batchLimit: MiddlewareHandler = async (c, next) => {
  if (c.req.query('batch') === '1') {
    const calls = c.req.path.replace(/^\/trpc\//, '').split(',').length;
    if (calls > MAX_BATCH) return c.json({ error: `一次批量请求最多 ${MAX_BATCH} 个调用，本次 ${calls} 个` }, 413);
  }
  return next();
};
