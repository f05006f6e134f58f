import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppDeps } from '../trpc/context';
import type { Readiness } from './readiness';
import type { ReadWorkers } from './read-workers';
import { createApp } from './app';
import { fastReads, isShortRead, writeAnswer } from './fast-reads';
import { fastWrites } from './fast-writes';

type App = ReturnType<typeof createApp>;

/** The full stack's answer to a request whose body was already read (the short way for writes read it first). */
async function answerWithBody(app: App, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  const request = new Request(new URL(req.url ?? '/', 'http://api'), {
    method: req.method,
    headers,
    body: new Uint8Array(body),
  });
  const response = await app.fetch(request, { incoming: req, outgoing: res });
  const out = Buffer.from(await response.arrayBuffer());
  const sent: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => (sent[name] = value));
  if (response.headers.getSetCookie().length) sent['set-cookie'] = response.headers.getSetCookie();
  res.writeHead(response.status, sent).end(out);
}

/**
 * The API's HTTP server: GET queries go the short way (`fast-reads.ts`), to a read worker when there are some
 * (`read-workers.ts`), else on this thread; a POST of one mutation its own short way (`fast-writes.ts`); everything
 * else, and any query the short way leaves, through the full Hono stack. Tests and `main.ts` both serve through here,
 * so every HTTP test runs the same ways a deployment does.
 */
export function serveApi(
  deps: AppDeps,
  readiness: Readiness = { warm: true, answers: true },
  workers: ReadWorkers | null = null,
): Server {
  const app = createApp(deps, readiness);
  const full = getRequestListener(app.fetch);
  const fast = fastReads(deps);
  const write = fastWrites(deps, (req, res, body) => answerWithBody(app, req, res, body));
  const elsewhere = (req: Parameters<typeof fast>[0], res: Parameters<typeof fast>[1]) =>
    workers!.answer(req).then(async (answer) => {
      if (!answer) return fast(req, res);
      writeAnswer(res, answer);
      return true;
    });
  return createServer((req, res) => {
    if (write(req, res)) return;
    const short = workers && isShortRead(req) ? elsewhere : fast;
    short(req, res).then(
      (answered) => {
        if (!answered) void full(req, res);
      },
      () => {
        if (!res.headersSent) void full(req, res);
      },
    );
  });
}
