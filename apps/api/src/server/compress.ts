import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Bodies up to this are compressed on the calling thread (see `encoded`). */
export const IN_PLACE_MAX = 32 * 1024;
/** Below this a compressed body saves less than the headers it adds. */
export const MIN_COMPRESS = 1024;
const COMPRESSIBLE = /^(application\/json|text\/|application\/javascript|image\/svg\+xml)/;
// Compressed bodies kept by ETag: a cached status answer is compressed once, not once per reader. A county clerk's
// answers over a campaign's 180 days are some 1.5 KB each, so a province's readers need thousands kept.
const MAX_KEPT = 20_000;
const MAX_KEPT_BYTES = 48 * 1024 * 1024;
const kept = new Map<string, Buffer>();
let keptBytes = 0;

export type Encoding = 'br' | 'gzip';

/** A small body's gzip, as every coding of one in place is made. */
export const gzipInPlace = (body: Buffer) => gzipSync(body, { level: 6 });

/**
 * The coding for a body of `length` bytes: brotli when the caller accepts it (q=0 refuses one), except that a body
 * small enough to compress in place goes as gzip when accepted too (brotli cost four times gzip's CPU on a county's
 * 8 KB status for 12% fewer bytes, and nearly every read of a busy day is such a body); identity when it names neither.
 */
export function acceptedEncoding(header: string | undefined, length: number): Encoding | null {
  if (!header) return null;
  const accepts = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepts.set(name!, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (e: string) => accepts.get(e) ?? accepts.get('*') ?? 0;
  if (length <= IN_PLACE_MAX && weight('gzip') > 0) return 'gzip';
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/** A strong ETag of a body: the same bytes always get the same tag, in every process. */
export const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Whether If-None-Match names the ETag (a list, weak forms, or `*`). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

// Large bodies being compressed on the thread pool, by key: readers asking for the same bytes at once (a province
// page's first readers) share one compression instead of each making its own.
const making = new Map<string, Promise<Buffer>>();

export function encoded(body: Buffer, encoding: Encoding, etag: string | null): Promise<Buffer> {
  const key = etag && `${encoding}:${etag}`;
  if (!key) return encode(body, encoding, null);
  const hit = kept.get(key);
  if (hit) return Promise.resolve(hit);
  let pending = making.get(key);
  if (!pending) {
    pending = encode(body, encoding, key).finally(() => making.delete(key));
    making.set(key, pending);
  }
  return pending;
}

async function encode(body: Buffer, encoding: Encoding, key: string | null): Promise<Buffer> {
  // Brotli at quality 5 compresses JSON about as well as gzip -9 at a fraction of quality 11's time.
  const brotliOptions = {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  };
  // A small body is compressed in place: handing it to the thread pool cost more than compressing it (a county's
  // status, some 8 KB, takes a tenth of a millisecond); a large one goes to the pool so the event loop stays free.
  const out =
    body.length <= IN_PLACE_MAX
      ? encoding === 'br'
        ? brotliCompressSync(body, brotliOptions)
        : gzipInPlace(body)
      : encoding === 'br'
        ? await brotli(body, brotliOptions)
        : await gzipped(body, { level: 6 });
  if (key && out.length <= MAX_KEPT_BYTES / 8 && !kept.has(key)) {
    kept.set(key, out);
    keptBytes += out.length;
    while (kept.size > MAX_KEPT || keptBytes > MAX_KEPT_BYTES) {
      const oldest = kept.keys().next().value!;
      keptBytes -= kept.get(oldest)!.length;
      kept.delete(oldest);
    }
  }
  return out;
}

/**
 * Every GET answered 200 carries a strong ETag of its body, and a request naming it gets 304 with no body; bodies of
 * 1 KB or more are compressed (br, else gzip) when the caller accepts it. Files that are archives already (.docx,
 * .xlsx) pass through as they are.
 */
export const compressAndValidate: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('content-type') ?? '';
  if (!res.body || res.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return;
  const body = Buffer.from(await res.arrayBuffer());
  const validated = (c.req.method === 'GET' || c.req.method === 'HEAD') && res.status === 200;
  const etag = validated ? etagOf(body) : null;
  if (etag && matches(c.req.header('if-none-match'), etag)) {
    c.res = new Response(null, { status: 304 });
    for (const h of ['content-type', 'content-length', 'content-encoding']) c.res.headers.delete(h);
    c.res.headers.set('ETag', etag);
    return;
  }
  const encoding = body.length >= MIN_COMPRESS ? acceptedEncoding(c.req.header('accept-encoding'), body.length) : null;
  const out = encoding ? await encoded(body, encoding, etag) : body;
  c.res = new Response(new Uint8Array(out), { status: res.status, headers: res.headers });
  c.res.headers.set('Content-Length', String(out.length));
  if (etag) c.res.headers.set('ETag', etag);
  if (body.length >= MIN_COMPRESS) c.res.headers.append('Vary', 'Accept-Encoding');
  if (encoding) c.res.headers.set('Content-Encoding', encoding);
};
