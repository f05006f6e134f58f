import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { asReadArrivedNow } from '../db/change-feed';
import { sessionUser } from '../services/auth/sessions';
import type { AppDeps, Context } from '../trpc/context';
import { appRouter } from '../trpc/root';
import { sessionCookie } from './auth-routes';
import { cookie } from './cookie';
import {
  acceptedEncoding,
  encoded,
  etagOf,
  gzipInPlace,
  IN_PLACE_MAX,
  matches,
  MIN_COMPRESS,
  type Encoding,
} from './compress';
import { campaignHeader } from './http-caller';
import { MAX_BATCH, securityHeaderValues } from './security';

/**
 * GET tRPC queries answered without Hono's Request/Response and tRPC's fetch adapter: a cached status read spent some
 * 1.4 ms of CPU in those and 0.2 ms in our own code. The answer is the same — the same procedures called through the
 * router's caller (so the same permission middleware, services and caches), serialized as tRPC serializes a success,
 * with the same headers, ETag, 304 and compression as the full stack (`app.ts`). Anything else (a write, a HEAD, a
 * streamed batch, bad input, any error) is left to the full stack, which answers it as it always has: a query reads
 * and never writes, so running it again there changes nothing.
 */

type Procedure = { _def: { type: string } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;
const isQuery = (name: string) => Object.hasOwn(procedures, name) && procedures[name]!._def.type === 'query';

interface Plan {
  names: string[];
  inputs: unknown[];
  batch: boolean;
}

/** The calls a request names, or null when the full stack must answer it. */
function planOf(req: ReadRequest): Plan | null {
  if (req.method !== 'GET' || !req.url?.startsWith('/trpc/')) return null;
  const accept = req.headers['trpc-accept'];
  if (accept !== undefined && accept !== 'application/json') return null;
  const url = new URL(req.url, 'http://api');
  let names: string[];
  try {
    names = decodeURIComponent(url.pathname.slice('/trpc/'.length)).split(',');
  } catch {
    return null;
  }
  const batch = url.searchParams.get('batch') === '1';
  if (names.length === 0 || names.length > MAX_BATCH || (!batch && names.length > 1) || !names.every(isQuery))
    return null;
  const raw = url.searchParams.get('input');
  let parsed: unknown;
  try {
    parsed = raw === null ? undefined : JSON.parse(raw);
  } catch {
    return null;
  }
  if (!batch) return { names, inputs: [parsed], batch };
  if (parsed !== undefined && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) return null;
  const byIndex = (parsed ?? {}) as Record<string, unknown>;
  return { names, inputs: names.map((_, i) => byIndex[String(i)]), batch };
}

/** Whether the short way takes the request at all (a worker is not sent what it would only hand back). */
export const isShortRead = (req: ReadRequest) => planOf(req) !== null;

type Caller = Record<string, unknown>;
function procedureOf(caller: Caller, name: string): (input: unknown) => Promise<unknown> {
  return name.split('.').reduce<unknown>((at, key) => (at as Caller)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
}

// The bytes of the answers serialized last, by answer object, the oldest going first beyond 64 MB: every county's cut
// of every day kept would otherwise grow without bound over a campaign (some 8 KB each).
const kept = new Map<object, Buffer>();
const MAX_KEPT_BYTES = 64 * 1024 * 1024;
let keptBytes = 0;
const [OPEN, COMMA, CLOSE] = ['[', ',', ']'].map((c) => Buffer.from(c)) as [Buffer, Buffer, Buffer];
const rawOf = (data: unknown) => Buffer.from(JSON.stringify({ result: { data } }));

/**
 * One call's success as tRPC writes it, as bytes. A kept answer (a settled day's, or a status answer's parts) is the
 * same object for every reader, so it is serialized and encoded once (encoding a 100 KB answer cost more than the
 * rest of the request); answers are never changed after they are made.
 */
function serialized(data: unknown): Buffer {
  if (data === null || typeof data !== 'object') return rawOf(data);
  const hit = kept.get(data);
  if (hit) return hit;
  const bytes = rawOf(data);
  kept.set(data, bytes);
  keptBytes += bytes.length;
  while (keptBytes > MAX_KEPT_BYTES) {
    const [oldest, oldBytes] = kept.entries().next().value!;
    kept.delete(oldest);
    keptBytes -= oldBytes.length;
  }
  return bytes;
}

/** A body's tag and length, and its bytes in a given coding (made or looked up only when needed). */
interface Body {
  etag: string;
  length: number;
  bytes: (encoding: Encoding | null) => Promise<Buffer>;
}

/** Bytes made for this request: tagged, and encoded (or found encoded by their tag) when asked. */
function fromBytes(body: Buffer): Body {
  const etag = etagOf(body);
  return { etag, length: body.length, bytes: async (encoding) => (encoding ? encoded(body, encoding, etag) : body) };
}

const batchBody = (results: unknown[]): Body =>
  fromBytes(
    Buffer.concat(
      results
        .map(serialized)
        .flatMap((a, i) => [i === 0 ? OPEN : COMMA, a])
        .concat(CLOSE),
    ),
  );

/**
 * What a single call's answer object needs to be answered again without being serialized: its ETag, its length and,
 * once made, its gzip bytes (a county's day: some 1.5 KB against 8 KB raw). Kept for as long as the answer object
 * lives in its cache, so every county's cut of every settled day can stay answerable from memory (`packAnswer`).
 */
interface Packed {
  etag: string;
  length: number;
  gzip: Buffer | null;
  /** A large answer's brotli, once asked (a province's forecast: 630 KB raw, 10 KB as br). */
  br: Promise<Buffer> | null;
}
const packs = new WeakMap<object, Packed>();

// The gzip is made with the tag: nearly every caller takes gzip, and the raw bytes need not be kept for it.
function packedOf(data: object): Packed {
  let packed = packs.get(data);
  if (!packed) {
    const raw = rawOf(data);
    const small = raw.length >= MIN_COMPRESS && raw.length <= IN_PLACE_MAX;
    packed = { etag: etagOf(raw), length: raw.length, gzip: small ? gzipInPlace(raw) : null, br: null };
    packs.set(data, packed);
  }
  return packed;
}

function single(data: unknown): Body {
  if (data === null || typeof data !== 'object') return fromBytes(serialized(data));
  const packed = packedOf(data);
  return {
    etag: packed.etag,
    length: packed.length,
    bytes: (encoding) => {
      if (encoding === 'gzip' && packed.gzip) return Promise.resolve(packed.gzip);
      // Kept with the answer rather than made again from its raw bytes, which a large answer does not keep long.
      if (encoding === 'br')
        return (packed.br ??= encoded(rawOf(data), 'br', null).catch((err: unknown) => {
          packed.br = null;
          throw err;
        }));
      return encoding ? encoded(serialized(data), encoding, packed.etag) : Promise.resolve(serialized(data));
    },
  };
}

/** Makes a kept answer's tag and gzip bytes before anyone asks (the warm-up of settled days). */
export const packAnswer = (data: object): void => void packedOf(data);

/** What a read needs of its request: it crosses to a read worker (`read-workers.ts`) as this plain object. */
export interface ReadRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: IncomingMessage['headers'];
}

/** A read's whole answer, or null when the full stack must answer the request. */
export interface ReadAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** Answers a GET query from `deps`, or says null having changed nothing (any error: the full stack answers it). */
export function readAnswers(deps: AppDeps): (req: ReadRequest) => Promise<ReadAnswer | null> {
  return async (req) => {
    const plan = planOf(req);
    if (!plan) return null;
    const requestId = randomUUID();
    const token = cookie(req.headers.cookie, sessionCookie);
    let results: unknown[];
    try {
      results = await asReadArrivedNow(deps.db, async () => {
        const ctx: Context = {
          ...deps,
          requestId,
          sessionToken: token,
          requestedCampaign: (req.headers[campaignHeader] as string | undefined) || undefined,
          user: await sessionUser(deps, token, new Date()),
        };
        const caller = appRouter.createCaller(ctx) as unknown as Caller;
        return Promise.all(plan.names.map((name, i) => procedureOf(caller, name)(plan.inputs[i])));
      });
    } catch {
      return null;
    }
    const { etag, length, bytes } = plan.batch ? batchBody(results) : single(results[0]);
    const headers: Record<string, string> = { ...securityHeaderValues, 'X-Request-Id': requestId, ETag: etag };
    if (matches(req.headers['if-none-match'], etag)) return { status: 304, headers, body: null };
    const encoding = length >= MIN_COMPRESS ? acceptedEncoding(req.headers['accept-encoding'], length) : null;
    const out = await bytes(encoding);
    headers['Content-Type'] = 'application/json';
    headers['Vary'] = length >= MIN_COMPRESS ? 'trpc-accept, accept, Accept-Encoding' : 'trpc-accept, accept';
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = String(out.length);
    return { status: 200, headers, body: out };
  };
}

/** Writes a read's answer to the response. */
export function writeAnswer(res: ServerResponse, answer: ReadAnswer): void {
  res.writeHead(answer.status, answer.headers).end(answer.body ?? undefined);
}

/** Answers the request and says true, or says false having written nothing (the full stack then answers). */
export function fastReads(deps: AppDeps): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const answer = readAnswers(deps);
  return async (req, res) => {
    const answered = await answer(req);
    if (!answered) return false;
    writeAnswer(res, answered);
    return true;
  };
}
