import type { MiddlewareHandler } from 'hono';

/** The host an Origin header names: undefined without one (not a browser), null when it is no URL. */
function originHost(origin: string | undefined): string | null | undefined {
  if (!origin) return undefined;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request may go on: it names no Origin, or its Origin's host is the host it was sent to.
 * The dashboard proxies to the API and names its own host in X-Forwarded-Host, so the browser's Origin must match it.
 */
export function isSameOrigin(origin: string | undefined, host: string | string[] | undefined): boolean {
  const from = originHost(origin);
  return from === undefined || from === host;
}

/** Refuses state-changing requests whose Origin is another site (CSRF). */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
  const origin = c.req.header('origin');
  const from = originHost(origin);
  if (from === null) return c.json({ error: '请求来源无效' }, 403);
  if (!isSameOrigin(origin, c.req.header('x-forwarded-host') ?? c.req.header('host')))
    return c.json({ error: '拒绝跨站请求' }, 403);
  return next();
};
