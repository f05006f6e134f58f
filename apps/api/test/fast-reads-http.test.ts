import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../src/server/app';
import { freshServer, sessionOf } from './support/http';

// GET queries over real HTTP take the short way (server/fast-reads.ts); Hono's in-process `app.request` is the full
// stack. Each request is sent both ways and the answers must be the same: status, body and every header but the
// request id and the connection's own.

let server: Awaited<ReturnType<typeof freshServer>>;
let full: ReturnType<typeof createApp>;
let clerk: string;
let officer: string;

beforeAll(async () => {
  server = await freshServer();
  full = createApp({ db: server.db, logger: pino({ level: 'silent' }) });
  clerk = (await sessionOf(server.url, 'huaiyuan')).cookie;
  officer = (await sessionOf(server.url, 'bengbu')).cookie;
  await server.setTime('2021-08-10T02:00:00.000Z');
});
afterAll(async () => server?.close());

const own = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The body as sent, decoded by hand: fetch would add its own Accept-Encoding and decode silently. */
function decoded(bytes: Buffer, encoding: string | undefined): string {
  if (encoding === 'br') return brotliDecompressSync(bytes).toString();
  if (encoding === 'gzip') return gunzipSync(bytes).toString();
  return bytes.toString();
}

/** A GET over real HTTP with exactly these headers (the short way). */
function overHttp(path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
        resolve({ status: res.statusCode!, headers: h, body: decoded(Buffer.concat(chunks), h['content-encoding']) });
      });
    })
      .on('error', reject)
      .end();
  });
}

/** The same GET handed to the app in process (the full stack). */
async function inProcess(path: string, headers: Record<string, string>): Promise<Answer> {
  const res = await full.request(path, { headers });
  const h = Object.fromEntries(res.headers);
  return { status: res.status, headers: h, body: decoded(Buffer.from(await res.arrayBuffer()), h['content-encoding']) };
}

const comparable = (a: Answer) =>
  Object.fromEntries(
    Object.entries(a.headers)
      .filter(([name]) => !own.has(name))
      .sort(),
  );

async function bothWays(path: string, headers: Record<string, string>) {
  return { short: await overHttp(path, headers), long: await inProcess(path, headers) };
}

const batch = (calls: [string, unknown][]) =>
  `/trpc/${calls.map(([p]) => p).join(',')}?batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(calls.map(([, i], n) => [n, i]))),
  )}`;
const single = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

describe('the short way answers a GET query exactly as the full stack does', () => {
  test.each([
    ['a county clerk’s status, compressed', () => single('status.at', { asOf: '2021-08-06' }), () => clerk, 'br'],
    ['a county clerk’s status, plain', () => single('status.at', { asOf: '2021-08-06' }), () => clerk, ''],
    [
      'a city officer’s overview page, five calls in one batch',
      () =>
        batch([
          ['status.overview', { unit: '3403', asOf: '2021-08-10' }],
          ['dispatch.summary', { unit: '3403', asOf: '2021-08-10' }],
          ['supervision.overview', { unit: '3403', asOf: '2021-08-10' }],
          ['reports.list', { unit: '3403', asOf: '2021-08-10', state: 'submitted' }],
          ['urge.counts', { unit: '3403', asOf: '2021-08-10' }],
        ]),
      () => officer,
      'br, gzip',
    ],
    ['a query without input', () => '/trpc/clock.get', () => officer, ''],
  ])('%s', async (_, path, who, encoding) => {
    const headers: Record<string, string> = { cookie: who() };
    if (encoding) headers['accept-encoding'] = encoding;
    const { short, long } = await bothWays(path(), headers);
    expect(short.status).toBe(200);
    expect(short.status).toBe(long.status);
    expect(comparable(short)).toEqual(comparable(long));
    expect(short.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(short.body).toBe(long.body);
    expect(JSON.parse(short.body)).toBeTruthy();
  });

  test('a small answer goes as gzip to a caller taking both codings, a large one as brotli', async () => {
    const both = { 'accept-encoding': 'gzip, deflate, br' };
    const small = await overHttp(single('status.at', { asOf: '2021-08-06' }), { cookie: clerk, ...both });
    expect(small.headers['content-encoding']).toBe('gzip');
    const province = single('status.at', { asOf: '2021-08-06', unit: '34' });
    const large = await overHttp(province, { cookie: (await sessionOf(server.url, 'p_admin')).cookie, ...both });
    // Every indicator of 119 counties: far over the 32 KB compressed in place.
    expect(large.body.length).toBeGreaterThan(32 * 1024);
    expect(large.headers['content-encoding']).toBe('br');
  });

  test('an unchanged answer named by its ETag is a 304 with no body', async () => {
    const path = single('status.at', { asOf: '2021-08-06' });
    const first = await overHttp(path, { cookie: clerk });
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await overHttp(path, { cookie: clerk, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('no-store');
    expect(again.headers['content-type']).toBeUndefined();
  });

  test.each([
    ['a day after the clock', () => single('status.at', { asOf: '2021-08-11' }), () => clerk, 400],
    ['no session', () => single('status.at', { asOf: '2021-08-06' }), () => '', 401],
    [
      'another county’s report',
      () => single('reports.get', { countyCode: '340322', period: '2021-07' }),
      () => clerk,
      403,
    ],
    ['input that is not JSON', () => '/trpc/status.at?input=%7Bnot-json', () => clerk, 400],
    ['a mutation named in a GET', () => single('reports.submit', {}), () => clerk, 405],
  ])('an error (%s) is left to the full stack, which answers it as before', async (_, path, who, status) => {
    const { short, long } = await bothWays(path(), { cookie: who() });
    expect(short.status).toBe(status);
    expect(long.status).toBe(status);
    const [a, b] = [JSON.parse(short.body), JSON.parse(long.body)] as { error: { message: string } }[];
    // The message is the same Chinese sentence both ways; only the request id inside it may differ.
    const message = (x: { error: { message: string } } | undefined) => x!.error.message.replace(/[0-9a-f-]{36}/g, 'ID');
    expect(message(a)).toBe(message(b));
    expect(message(a)).toMatch(/[\u4e00-\u9fff]/);
  });
});
