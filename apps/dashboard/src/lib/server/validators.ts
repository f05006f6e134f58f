import { createHash } from 'node:crypto';

// The API answers an unchanged GET with 304 when asked with its ETag. The dashboard server keeps the last body per
// session and URL (a hash of the cookie, never the cookie itself), in memory only, so a reload of an unchanged page
// moves a few hundred bytes instead of the answer.
const MAX_ENTRIES = 500;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_BODY = 1024 * 1024;
const kept = new Map<string, { etag: string; body: string }>();
let bytes = 0;

function keyOf(session: string, url: string): string {
  return `${createHash('sha256').update(session).digest('base64url')}|${url}`;
}

function keep(key: string, etag: string, body: string) {
  const old = kept.get(key);
  if (old) bytes -= old.body.length;
  kept.delete(key);
  if (body.length > MAX_BODY) return;
  kept.set(key, { etag, body });
  bytes += body.length;
  while (kept.size > MAX_ENTRIES || bytes > MAX_BYTES) {
    const [oldest, entry] = kept.entries().next().value!;
    bytes -= entry.body.length;
    kept.delete(oldest);
  }
}

/** A fetch for the tRPC link: asks for a compressed answer, and revalidates a GET it has seen under this session. */
export function revalidatingFetch(session: string): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    headers.set('accept-encoding', 'br, gzip');
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') return fetch(input, { ...init, headers });
    const key = keyOf(session, url);
    const known = kept.get(key);
    if (known) headers.set('if-none-match', known.etag);
    const res = await fetch(input, { ...init, headers });
    if (res.status === 304 && known) {
      kept.delete(key);
      kept.set(key, known);
      return new Response(known.body, { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const etag = res.headers.get('etag');
    if (res.status !== 200 || !etag) return res;
    const body = await res.text();
    keep(key, etag, body);
    return new Response(body, { status: 200, headers: { 'content-type': res.headers.get('content-type') ?? '' } });
  };
}
