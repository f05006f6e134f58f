import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import { isUnavailable, unavailableMessage } from '../db/unavailable';
import { sessionUser } from '../services/auth/sessions';
import type { AppDeps, Context } from '../trpc/context';
import { appRouter } from '../trpc/root';
import { sessionCookie } from './auth-routes';
import { cookie } from './cookie';
import { acceptedEncoding, encoded, MIN_COMPRESS } from './compress';
import { campaignHeader } from './http-caller';
import { isSameOrigin } from './origin';
import { securityHeaderValues, TRPC_BODY_LIMIT } from './security';

/**
 * A POST of one tRPC mutation answered without Hono's Request/Response and tRPC's fetch adapter, which took 13–15% of
 * the API's main thread under the steady load (`docs/ENGINES.md`, "The short way for writes"). The answer is the
 * full stack's (`app.ts`): the same procedure called through the router's caller (the same permission middleware and
 * services), its success or its error shaped by the router's own error formatter, with the same status, headers and
 * compression. What the short way cannot take from the headers alone (a batch of several calls, another content type,
 * a body without a length or over the limit, another site's Origin, a stream) is left to the full stack before the
 * body is read; a body that is no JSON call is handed to the full stack with the bytes read. A call that ran is never
 * run again: its error is answered here, as tRPC would have answered it.
 */

type Procedure = { _def: { type: string } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;
const isMutation = (name: string) => Object.hasOwn(procedures, name) && procedures[name]!._def.type === 'mutation';
const config = appRouter._def._config;

/** What the short way judges a request by before reading its body. */
export type WriteRequest = Pick<IncomingMessage, 'method' | 'url' | 'headers'>;

interface Plan {
  name: string;
  batch: boolean;
}

/** The one mutation a request names, or null when the full stack must answer it. Reads the headers only. */
function planOf(req: WriteRequest): Plan | null {
  if (req.method !== 'POST' || !req.url?.startsWith('/trpc/')) return null;
  const accept = req.headers['trpc-accept'];
  if (accept !== undefined && accept !== 'application/json') return null;
  const type = req.headers['content-type']?.toLowerCase().split(';', 1)[0]?.trim();
  if (type !== 'application/json' || req.headers['transfer-encoding'] !== undefined) return null;
  const declared = req.headers['content-length'];
  if (declared === undefined || !/^\d{1,8}$/.test(declared) || Number(declared) > TRPC_BODY_LIMIT) return null;
  if (!isSameOrigin(req.headers.origin, req.headers['x-forwarded-host'] ?? req.headers.host)) return null;
  const url = new URL(req.url, 'http://api');
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice('/trpc/'.length));
  } catch {
    return null;
  }
  if (!isMutation(name)) return null;
  return { name, batch: url.searchParams.get('batch') === '1' };
}

/** Whether the short way takes the request (said from its headers alone). */
export const isShortWrite = (req: WriteRequest) => planOf(req) !== null;

/** The call's input from its body, as tRPC's JSON parser reads it; `invalid` when tRPC would refuse the body. */
function inputOf(body: Buffer, batch: boolean): { input: unknown } | 'invalid' {
  if (body.length === 0) return { input: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return 'invalid';
  }
  if (!batch) return { input: config.transformer.input.deserialize(parsed) };
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'invalid';
  const first = (parsed as Record<string, unknown>)['0'];
  return { input: first === undefined ? undefined : config.transformer.input.deserialize(first) };
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

type Caller = Record<string, unknown>;
const procedureOf = (caller: Caller, name: string) =>
  name.split('.').reduce<unknown>((at, key) => (at as Caller)[key], caller) as (input: unknown) => Promise<unknown>;

/** Writes a JSON answer with the headers the full stack gives a tRPC POST (no ETag: a write is never validated). */
async function answer(req: IncomingMessage, res: ServerResponse, requestId: string, status: number, json: string) {
  const body = Buffer.from(json);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Vary: body.length >= MIN_COMPRESS ? 'trpc-accept, accept, Accept-Encoding' : 'trpc-accept, accept',
    ...securityHeaderValues,
    'X-Request-Id': requestId,
  };
  const encoding = body.length >= MIN_COMPRESS ? acceptedEncoding(req.headers['accept-encoding'], body.length) : null;
  const out = encoding ? await encoded(body, encoding, null) : body;
  if (encoding) headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = String(out.length);
  res.writeHead(status, headers).end(out);
}

/** Runs the call and answers it: its data, or its error shaped as tRPC shapes it (the router's formatter). */
async function run(deps: AppDeps, req: IncomingMessage, res: ServerResponse, plan: Plan, input: unknown) {
  const requestId = randomUUID();
  const token = cookie(req.headers.cookie, sessionCookie);
  let ctx: Context | undefined;
  let error: TRPCError | null = null;
  let data: unknown;
  try {
    const user = await sessionUser(deps, token, new Date()).catch((err: unknown) => {
      // As the full stack's context: with the database gone the call answers 503, and its context is unknown.
      if (!isUnavailable(err)) throw err;
      deps.logger.error({ err, requestId, path: `/trpc/${plan.name}` }, 'database unavailable');
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: unavailableMessage(requestId) });
    });
    ctx = {
      ...deps,
      requestId,
      sessionToken: token,
      requestedCampaign: (req.headers[campaignHeader] as string | undefined) || undefined,
      user,
    };
  } catch (cause) {
    error = getTRPCErrorFromUnknown(cause);
  }
  if (ctx) {
    try {
      data = await procedureOf(appRouter.createCaller(ctx), plan.name)(input);
    } catch (cause) {
      error = getTRPCErrorFromUnknown(cause);
    }
  }
  const one = error
    ? { error: getErrorShape({ config, ctx, error, input, path: plan.name, type: 'mutation' }) }
    : { result: { data } };
  const status = getHTTPStatusCode([one], error ? [error] : []);
  const json = JSON.stringify(transformTRPCResponse(config, plan.batch ? [one] : one));
  await answer(req, res, requestId, status, json);
}

/**
 * Takes the request and says true (and then answers it whatever happens), or says false having read nothing, for the
 * full stack to answer. `full` answers a request whose body was read but is no call the short way takes.
 */
export function fastWrites(
  deps: AppDeps,
  full: (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const plan = planOf(req);
    if (!plan) return false;
    void (async () => {
      let body: Buffer;
      try {
        body = await bodyOf(req);
      } catch {
        // The caller went away mid-body: there is nobody to answer, and nothing ran.
        return void res.destroy();
      }
      const parsed = inputOf(body, plan.batch);
      if (parsed === 'invalid') return full(req, res, body);
      return run(deps, req, res, plan, parsed.input);
    })().catch((err: unknown) => {
      // A fault of this path itself (the call's own errors are answered above): answered as the full stack's onError.
      if (res.headersSent) return void res.destroy();
      const requestId = randomUUID();
      deps.logger.error({ err, requestId, path: req.url }, 'request failed');
      void answer(
        req,
        res,
        requestId,
        500,
        JSON.stringify({ error: `服务器内部错误，请联系管理员（请求编号 ${requestId}）`, requestId }),
      ).catch(() => res.destroy());
    });
    return true;
  };
}
