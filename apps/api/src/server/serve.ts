import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AppDeps } from '../trpc/context';
import type { Readiness } from './readiness';
import { createApp } from './app';
import { fastReads } from './fast-reads';

/**
 * The API's HTTP server: GET queries go the short way (`fast-reads.ts`), everything else, and any query the short
 * way leaves, through the full Hono stack. Tests and `main.ts` both serve through here, so every HTTP test runs the
 * same two ways a deployment does.
 */
export function serveApi(deps: AppDeps, readiness: Readiness = { warm: true, answers: true }): Server {
  const app = createApp(deps, readiness);
  const full = getRequestListener(app.fetch);
  const fast = fastReads(deps);
  return createServer((req, res) => {
    fast(req, res).then(
      (answered) => {
        if (!answered) void full(req, res);
      },
      () => {
        if (!res.headersSent) void full(req, res);
      },
    );
  });
}
