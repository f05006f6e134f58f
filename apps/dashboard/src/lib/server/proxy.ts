import type { RequestEvent } from '@sveltejs/kit';
import { apiUrl } from './config';
import { callerOf, downstreamHeaders, upstreamHeaders } from './headers';

const prefixes = ['/auth/', '/trpc/', '/files/'];

/** 10 MB of file plus the multipart envelope around it. */
export const PROXY_BODY_LIMIT = 10 * 1024 * 1024 + 64 * 1024;

export function isProxied(pathname: string): boolean {
  return pathname === '/trpc' || prefixes.some((prefix) => pathname.startsWith(prefix));
}

/** Passes a browser request to the API unchanged in method, path, body and cookie, and relays the answer. */
export async function proxy(event: RequestEvent): Promise<Response> {
  const { request, url } = event;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  // The API refuses more than 10 MB an upload; saying so here spares reading a larger body at all. Bodies without a
  // length are cut by the server's BODY_SIZE_LIMIT (11M in the start script).
  if (Number(request.headers.get('content-length') ?? 0) > PROXY_BODY_LIMIT) {
    return Response.json({ error: '上传内容超过 10 MB，已拒绝；请压缩或拆分后再上传' }, { status: 413 });
  }
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
