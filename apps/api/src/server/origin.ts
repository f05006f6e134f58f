import type { MiddlewareHandler } from 'hono';

/**
 * Refuses state-changing requests whose Origin is another site (CSRF). The dashboard proxies to the API and
 * names its own host in X-Forwarded-Host, so the browser's Origin must match that host.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
  const origin = c.req.header('origin');
  if (!origin) return next();
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return c.json({ error: '请求来源无效' }, 403);
  }
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
  if (originHost !== host) return c.json({ error: '拒绝跨站请求' }, 403);
  return next();
};
