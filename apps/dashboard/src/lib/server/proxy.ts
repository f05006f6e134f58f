import type { RequestEvent } from '@sveltejs/kit';
import { apiUrl } from './config';
import { callerOf, downstreamHeaders, upstreamHeaders } from './headers';

const prefixes = ['/auth/', '/trpc/', '/files/'];

export function isProxied(pathname: string): boolean {
  return pathname === '/trpc' || prefixes.some((prefix) => pathname.startsWith(prefix));
}

/** Passes a browser request to the API unchanged in method, path, body and cookie, and relays the answer. */
export async function proxy(event: RequestEvent): Promise<Response> {
  const { request, url } = event;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl()}${url.pathname}${url.search}`, {
      method: request.method,
      headers: upstreamHeaders(request.headers, callerOf(event)),
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
    });
  } catch {
    return Response.json({ error: '无法连接数据服务，请稍后再试' }, { status: 502 });
  }
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: downstreamHeaders(upstream.headers),
  });
}
