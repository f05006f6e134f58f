import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDb, type Opened } from '../src/db/client';
import { serveApi } from '../src/server/serve';
import { freshLocation } from './support/fresh-db';
import { login, sessionOf, startServer, trpcAs } from './support/http';
import { julyValues } from './support/report-values';

// Reads answered by a read worker (its own connection and caches, src/server/read-workers.ts) while writes go through
// the main thread: what a clerk saves is what the next read shows, through the worker, on both engines.

const july = { countyCode: '340321', period: '2021-07' };
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

let location: string;
let api: Awaited<ReturnType<typeof startServer>>;
// The same database served by this thread alone, to compare answers with.
let plain: { url: string; close(): Promise<void> };
let second: Opened;

beforeAll(async () => {
  location = await freshLocation();
  api = await startServer(location, { readWorkers: 1 });
  second = await openDb(location);
  const server = serveApi({ db: second.db, logger: pino({ level: 'silent' }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  plain = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}, 120_000);

afterAll(async () => {
  await plain?.close();
  await second?.close();
  await api?.close();
});

const statusValue = async (trpc: ReturnType<typeof trpcAs>, asOf: string) =>
  (await trpc.status.at.query({ asOf, unit: '340321' })).counties[0]!.indicators.t01_dibao_urban!.value;

describe('read workers', () => {
  test('a write through the main thread is read through the worker at once', async () => {
    const clerk = await sessionOf(api.url, 'huaiyuan');
    const admin = (await sessionOf(api.url, 'p_admin')).trpc;
    const before = api.workers!.answered;

    expect(await clerk.trpc.reports.saveDraft.mutate({ ...july, version: 0, values: julyValues })).toMatchObject({
      report: { state: 'draft', version: 1 },
    });
    // The draft, read back at once; a draft is nobody's figure yet.
    expect((await clerk.trpc.reports.get.query(july)).values.t01_dibao_urban).toBe('1200');
    expect(await statusValue(admin, '2021-08-02')).toBeNull();

    await api.setTime(at('2021-08-03T09:30:00'));
    expect(await clerk.trpc.reports.submit.mutate({ ...july, version: 1 })).toMatchObject({ state: 'submitted' });
    // Submitted on 08-03: known from that day on, not the day before.
    expect(await statusValue(admin, '2021-08-03')).toBe(1200);
    expect(await statusValue(admin, '2021-08-02')).toBeNull();
    // Four reads, every one of them answered by the worker.
    expect(api.workers!.answered - before).toBe(4);
  });

  test("the worker's answer is the main thread's, byte for byte, and an unchanged one is answered 304", async () => {
    const { cookie } = await login(api.url, 'p_admin');
    const path = `/trpc/status.at?input=${encodeURIComponent(JSON.stringify({ asOf: '2021-08-03', unit: '3403' }))}`;
    const before = api.workers!.answered;
    const viaWorker = await fetch(`${api.url}${path}`, { headers: { cookie } });
    const here = await fetch(`${plain.url}${path}`, { headers: { cookie } });
    expect(viaWorker.status).toBe(200);
    expect(await viaWorker.text()).toBe(await here.text());
    expect(viaWorker.headers.get('etag')).toBe(here.headers.get('etag'));
    const again = await fetch(`${api.url}${path}`, {
      headers: { cookie, 'if-none-match': viaWorker.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect(api.workers!.answered - before).toBe(2);
  });

  test('a read the worker refuses is answered as the main thread answers it: 403 in Chinese, not a 500', async () => {
    const { cookie } = await login(api.url, 'huaiyuan');
    const path = `/trpc/status.at?input=${encodeURIComponent(JSON.stringify({ unit: '3401' }))}`;
    const viaWorker = await fetch(`${api.url}${path}`, { headers: { cookie } });
    const here = await fetch(`${plain.url}${path}`, { headers: { cookie } });
    expect(viaWorker.status).toBe(403);
    const message = ((await viaWorker.json()) as { error: { message: string } }).error.message;
    expect(message).toMatch(/[\u4e00-\u9fa5]/);
    expect(message).toBe(((await here.json()) as { error: { message: string } }).error.message);
  });
});
