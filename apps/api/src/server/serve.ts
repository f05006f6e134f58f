import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AppDeps } from '../trpc/context';
import type { Readiness } from './readiness';
import type { ReadWorkers } from './read-workers';
import { createApp } from './app';
import { fastReads, isShortRead, writeAnswer } from './fast-reads';

/**
 * The API's HTTP server: GET queries go the short way (`fast-reads.ts`), to a read worker when there are some
 * (`read-workers.ts`), else on this thread; everything else, and any query the short way leaves, through the full Hono
 * stack. Tests and `main.ts` both serve through here, so every HTTP test runs the same ways a deployment does.
 */
export function serveApi(
  deps: AppDeps,
  readiness: Readiness = { warm: true, answers: true },
  workers: ReadWorkers | null = null,
): Server {
  const app = createApp(deps, readiness);
  const full = getRequestListener(app.fetch);
  const fast = fastReads(deps);
  const elsewhere = (req: Parameters<typeof fast>[0], res: Parameters<typeof fast>[1]) =>
    workers!.answer(req).then(async (answer) => {
      if (!answer) return fast(req, res);
      writeAnswer(res, answer);
      return true;
    });
  return createServer((req, res) => {
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
