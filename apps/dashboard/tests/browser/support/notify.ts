import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The API's outbox worker as the browser run starts it: quick polls and short backoffs, so a message a receiver keeps
 * refusing is dead within seconds instead of the deployed hours (DUDAO_NOTIFY_* in apps/api/src/services/notify).
 */
export const notifyTimings = { pollMs: 500, backoffMs: 200, maxAttempts: 3 };

export interface RobotRequest {
  path: string;
  query: URLSearchParams;
  // The robots' JSON, read field by field by each test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

type Answer = { status: number; body: unknown } | 'hold';

/**
 * A group robot on loopback (DingTalk's or WeCom's webhook, as the API's worker posts to it): keeps every request and
 * answers by `answer`, set by the test; 'hold' keeps the request waiting until `release`.
 */
export async function robotReceiver() {
  const received: RobotRequest[] = [];
  const held: ServerResponse[] = [];
  let answer: (r: RobotRequest) => Answer = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      const request = { path: url.pathname, query: url.searchParams, body };
      received.push(request);
      const a = answer(request);
      if (a === 'hold') held.push(res);
      else res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answerWith(fn: (r: RobotRequest) => Answer) {
      answer = fn;
    },
    /** Answers every held request with the robot's success. */
    release() {
      for (const res of held.splice(0))
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
