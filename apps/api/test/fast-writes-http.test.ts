import { request } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../src/server/app';
import { isShortWrite } from '../src/server/fast-writes';
import { freshServer, sessionOf } from './support/http';

// A POST of one mutation over real HTTP takes the short way (server/fast-writes.ts); Hono's in-process `app.request`
// is the full stack. A refused write changes nothing, so the same one is sent both ways and the answers must be the
// same: status, body (but the request id) and every header but the request id and the connection's own.

let server: Awaited<ReturnType<typeof freshServer>>;
let full: ReturnType<typeof createApp>;
let clerk: string;

beforeAll(async () => {
  server = await freshServer();
  full = createApp({ db: server.db, logger: pino({ level: 'silent' }) });
  clerk = (await sessionOf(server.url, 'huaiyuan')).cookie;
  await server.setTime('2021-08-10T02:00:00.000Z');
});
afterAll(async () => server?.close());

// The length only a real connection is given; it is checked against the body instead.
const own = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function overHttp(path: string, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
        resolve({ status: res.statusCode!, headers: h, body: Buffer.concat(chunks).toString() });
      });
    })
      .on('error', reject)
      .end(body);
  });
}

async function inProcess(path: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const res = await full.request(path, { method: 'POST', headers, body });
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

const comparable = (a: Answer) =>
  Object.fromEntries(
    Object.entries(a.headers)
      .filter(([name]) => !own.has(name))
      .sort(),
  );
const withoutIds = (body: string) =>
  body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');

const json = (cookie: string, extra: Record<string, string> = {}) => ({
  cookie,
  'content-type': 'application/json',
  ...extra,
});
const draft = (version: number, text: string) => ({
  countyCode: '340321',
  period: '2021-07',
  version,
  values: { 'narrative.T11': text },
});

describe('the short way answers a write exactly as the full stack does', () => {
  test('two draft saves, one each way: the same headers, each saved, the version counted up by one each', async () => {
    const first = await overHttp('/trpc/reports.saveDraft', json(clerk), JSON.stringify(draft(0, '第一稿')));
    expect(first.status).toBe(200);
    const saved = JSON.parse(first.body) as { result: { data: { changed: number; report: { version: number } } } };
    expect(saved.result.data.changed).toBe(1);
    // A new report is created at version 0 and the save steps it to 1.
    expect(saved.result.data.report.version).toBe(1);
    const second = await inProcess('/trpc/reports.saveDraft', json(clerk), JSON.stringify(draft(1, '第二稿')));
    expect(second.status).toBe(200);
    expect(comparable(first)).toEqual(comparable(second));
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(second.body).result.data.report.version).toBe(2);
    // The dashboard's client sends each write as a batch of one: its answer is a list of one.
    const third = await overHttp(
      '/trpc/reports.saveDraft?batch=1',
      json(clerk),
      JSON.stringify({ 0: draft(2, '第三稿') }),
    );
    expect(third.status).toBe(200);
    const listed = JSON.parse(third.body) as { result: { data: { report: { version: number } } } }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]!.result.data.report.version).toBe(3);
    const read = await fetch(
      `${server.url}/trpc/reports.get?input=${encodeURIComponent(JSON.stringify({ countyCode: '340321', period: '2021-07' }))}`,
      { headers: { cookie: clerk } },
    );
    const report = ((await read.json()) as { result: { data: { version: number; values: Record<string, string> } } })
      .result.data;
    expect(report.version).toBe(3);
    expect(report.values['narrative.T11']).toBe('第三稿');
  });

  test.each([
    ['a stale version', '/trpc/reports.saveDraft', () => json(clerk), JSON.stringify(draft(0, '旧稿')), 409],
    [
      'a field the campaign does not have',
      '/trpc/reports.saveDraft',
      () => json(clerk),
      JSON.stringify({ ...draft(3, ''), values: { nonsense: '1' } }),
      400,
    ],
    [
      'another county’s report',
      '/trpc/reports.saveDraft',
      () => json(clerk),
      JSON.stringify({ ...draft(0, '越权'), countyCode: '340322' }),
      403,
    ],
    ['no session', '/trpc/reports.saveDraft', () => json(''), JSON.stringify(draft(3, '无会话')), 401],
    ['an input missing its period', '/trpc/reports.saveDraft', () => json(clerk), '{"countyCode":"340321"}', 400],
    ['a body that is not JSON', '/trpc/reports.saveDraft', () => json(clerk), '{not json', 400],
    ['a batch body that is no object', '/trpc/reports.saveDraft?batch=1', () => json(clerk), '[1]', 400],
    [
      'another site’s Origin',
      '/trpc/reports.saveDraft',
      () => json(clerk, { origin: 'https://evil.example' }),
      JSON.stringify(draft(3, '跨站')),
      403,
    ],
    [
      'a body that is not JSON by its type',
      '/trpc/reports.saveDraft',
      () => ({ cookie: clerk, 'content-type': 'text/plain' }),
      JSON.stringify(draft(3, '纯文本')),
      415,
    ],
    ['a query named in a POST', '/trpc/status.at', () => json(clerk), '{"asOf":"2021-08-06"}', 405],
  ])('a refusal (%s) is answered the same both ways, and saves nothing', async (_, path, headers, body, status) => {
    const short = await overHttp(path, headers(), body);
    const long = await inProcess(path, headers(), body);
    expect(short.status).toBe(status);
    expect(long.status).toBe(status);
    expect(comparable(short)).toEqual(comparable(long));
    expect(withoutIds(short.body)).toBe(withoutIds(long.body));
    expect(Number(short.headers['content-length'])).toBe(Buffer.byteLength(short.body));
    expect(short.body).toMatch(/[\u4e00-\u9fff]/);
    const read = await fetch(
      `${server.url}/trpc/reports.get?input=${encodeURIComponent(JSON.stringify({ countyCode: '340321', period: '2021-07' }))}`,
      { headers: { cookie: clerk } },
    );
    expect(((await read.json()) as { result: { data: { version: number } } }).result.data.version).toBe(3);
  });
});

describe('which requests the short way takes, from their headers alone', () => {
  const post = (url: string, headers: Record<string, string> = {}) => ({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'content-length': '20', host: 'api', ...headers },
  });
  test.each([
    ['one mutation', post('/trpc/reports.saveDraft'), true],
    ['one mutation as a batch of one', post('/trpc/reports.saveDraft?batch=1'), true],
    ['the dashboard’s own Origin', post('/trpc/reports.submit', { origin: 'http://api' }), true],
    ['JSON with a charset', post('/trpc/reports.submit', { 'content-type': 'application/json; charset=utf-8' }), true],
    ['two mutations in one batch', post('/trpc/reports.saveDraft,reports.submit?batch=1'), false],
    ['a query', post('/trpc/status.at'), false],
    ['a name no procedure has', post('/trpc/reports.nothing'), false],
    ['a GET', { ...post('/trpc/reports.saveDraft'), method: 'GET' }, false],
    ['another type', post('/trpc/reports.saveDraft', { 'content-type': 'text/plain' }), false],
    ['a body over 1 MB', post('/trpc/reports.saveDraft', { 'content-length': String(1024 * 1024 + 1) }), false],
    ['a body without a length', post('/trpc/reports.saveDraft', { 'content-length': '' }), false],
    ['another site', post('/trpc/reports.saveDraft', { origin: 'https://evil.example' }), false],
    ['a stream asked for', post('/trpc/reports.saveDraft', { 'trpc-accept': 'application/jsonl' }), false],
    ['a file route', post('/files/roster'), false],
  ])('%s: %s', (_, req, taken) => {
    expect(isShortWrite(req)).toBe(taken);
  });
});
