import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempPath } from './support/fresh-db';
import { afterAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { systemActor } from '../src/services/actor';
import { setClock } from '../src/services/clock/clock';
import { serviceContext } from '../src/services/context';
import { resetDatabase } from '../src/services/seed/reset';
import { createUser } from '../src/services/users/accounts';
import { apiDir } from './support/async-cli';
import { freshLocation, postgresOnly, sqliteOnly } from './support/fresh-db';
import { login, PASSWORD, people, startServer } from './support/http';
import { freePort, startPostgres, type TestPostgres } from './support/postgres';

// The database gone under a running API: every answer is 503 with its request id and says nothing was saved (never
// a 500), each is logged with that id, and the API serves again by itself once the database is back.

const idPattern = /请求编号 ([0-9a-f-]{36})/;
const counties = ['340321', '340322', '340323'];

interface Answer {
  status: number;
  requestId: string | null;
  message: string;
  startedAt: number;
  endedAt: number;
  data: { version?: number; values?: Record<string, string | null> } | undefined;
}

/** One request on its own connection (no keep-alive), so a socket the server closed between requests is never reused. */
function send(url: string, cookie: string, path: string, input: unknown, write: boolean) {
  const target = write
    ? `${url}/trpc/${path}`
    : `${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const body = write ? JSON.stringify(input) : undefined;
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const req = request(
      target,
      {
        method: write ? 'POST' : 'GET',
        agent: false,
        headers: { cookie, ...(write ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function call(url: string, cookie: string, path: string, input: unknown, write: boolean): Promise<Answer> {
  const startedAt = Date.now();
  const res = await send(url, cookie, path, input, write).catch((e: unknown) => e as Error);
  if (res instanceof Error)
    return {
      status: 0,
      requestId: null,
      message: `${path}: ${String(res)}`,
      startedAt,
      endedAt: Date.now(),
      data: undefined,
    };
  const text = res.text;
  let message = '';
  let data: Answer['data'];
  try {
    const body = JSON.parse(text) as { error?: { message?: string } | string; result?: { data: Answer['data'] } };
    message = typeof body.error === 'string' ? body.error : (body.error?.message ?? '');
    data = body.result?.data;
  } catch {
    message = text;
  }
  const requestId = (res.headers['x-request-id'] as string | undefined) ?? null;
  return { status: res.status, requestId, message, startedAt, endedAt: Date.now(), data };
}

describe.skipIf(!postgresOnly)('PostgreSQL killed under load, then started again', () => {
  let server: TestPostgres;
  let api: ChildProcess | undefined;
  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api!.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    server?.stop();
  });

  test('503 with a request id while it is gone, no 500, recovery, and no acknowledged draft lost', async () => {
    server = await startPostgres({ durableCommits: true });
    const location = await server.createDatabase('faults');
    const { opened } = await resetDatabase(location, { demo: false, scale: 'province', campaigns: ['anhui-2021'] });
    const ctx = serviceContext(opened.db, builtinCampaign('anhui-2021'), systemActor);
    for (const p of people)
      await createUser(ctx, { ...p, displayName: p.username, password: PASSWORD }, '2021-07-01T00:00:00.000Z');
    await setClock(ctx, { at: '2021-08-02T02:00:00.000Z', mode: 'frozen' });
    await opened.close();

    const port = await freePort();
    api = spawn('node', ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: apiDir,
      env: { ...process.env, DUDAO_DB: location, PORT: String(port), HOST: '127.0.0.1', DUDAO_PG_POOL: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    api.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    api.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    let exited: number | null = null;
    api.once('exit', (code) => (exited = code ?? -1));

    const url = `http://127.0.0.1:${port}`;
    // A start on a busy machine may take a while: up to three minutes.
    let up = false;
    for (let i = 0; i < 900 && !up && exited === null; i++) {
      up = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await new Promise((r) => setTimeout(r, 200));
    }
    expect(up, log.slice(-2000)).toBe(true);
    const { cookie } = await login(url, 'p_admin');

    // Three writers, each saving its county's July draft over and over, and a reader of the overview beside them.
    const answers: Answer[] = [];
    const acknowledged = new Map<string, { version: number; text: string }>();
    let phase: 'up' | 'down' | 'back' = 'up';
    let downSince = 0;
    let backSince = 0;
    let stop = false;
    const writer = async (county: string) => {
      let version = 0;
      for (let n = 1; !stop; n++) {
        const text = `第 ${n} 次保存`;
        const input = { countyCode: county, period: '2021-07', version, values: { 'narrative.T11': text } };
        const a = await call(url, cookie, 'reports.saveDraft', input, true);
        answers.push(a);
        if (a.status === 200) {
          version += 1;
          acknowledged.set(county, { version, text });
        } else {
          // An answer lost with the connection may still have committed: read the version back before saving again.
          const read = await call(url, cookie, 'reports.get', { countyCode: county, period: '2021-07' }, false);
          answers.push(read);
          if (read.status === 200) version = read.data!.version!;
          else await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const reader = async () => {
      while (!stop) answers.push(await call(url, cookie, 'status.overview', { unit: '3403' }, false));
    };
    const load = Promise.all([...counties.map(writer), reader()]);

    // Every writer has had drafts acknowledged before the server goes.
    for (let i = 0; i < 300 && !counties.every((c) => (acknowledged.get(c)?.version ?? 0) >= 2); i++)
      await new Promise((r) => setTimeout(r, 100));
    server.halt();
    phase = 'down';
    downSince = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    const downUntil = Date.now();
    server.resume();
    phase = 'back';
    backSince = Date.now();
    // The pool reconnects by itself: within a while every writer gets through again.
    const acknowledgedAtRestart = new Map(acknowledged);
    for (let i = 0; i < 150; i++) {
      const moved = counties.every((c) => acknowledged.get(c)!.version > acknowledgedAtRestart.get(c)!.version);
      if (moved) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    stop = true;
    await load;
    writeFileSync(join(tmpdir(), 'dudao-faults-api.log'), log);
    expect(exited, log.slice(-3000)).toBeNull();
    expect(phase).toBe('back');
    expect(backSince).toBeGreaterThan(0);

    expect(answers.filter((a) => a.status !== 200 && a.status !== 503).map((a) => [a.status, a.message])).toEqual([]);
    const whileDown = answers.filter((a) => a.startedAt >= downSince && a.endedAt <= downUntil);
    expect(whileDown.length).toBeGreaterThan(10);
    for (const a of whileDown) {
      expect(a.status).toBe(503);
      expect(a.message).toContain('数据库暂时不可用，本次操作未保存');
      expect(a.message.match(idPattern)?.[1]).toBe(a.requestId);
      // Each failure is in the API's log under the same id.
      expect(log).toContain(a.requestId!);
    }
    for (const c of counties)
      expect(acknowledged.get(c)!.version).toBeGreaterThan(acknowledgedAtRestart.get(c)!.version);

    // Every county's last acknowledged draft is the one the database holds.
    for (const c of counties) {
      const read = await call(url, cookie, 'reports.get', { countyCode: c, period: '2021-07' }, false);
      expect(read.data!.version).toBe(acknowledged.get(c)!.version);
      expect(read.data!.values!['narrative.T11']).toBe(acknowledged.get(c)!.text);
    }
  }, 240_000);
});

/** Whether this machine lets the test make a file immutable (root with CAP_LINUX_IMMUTABLE on ext4 or xfs). */
function canMakeImmutable(): boolean {
  const probe = tempPath('probe');
  writeFileSync(probe, '');
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const immutable = (on: boolean, ...files: string[]) =>
  execFileSync('chattr', [on ? '+i' : '-i', ...files], { stdio: 'ignore' });

describe.skipIf(!sqliteOnly || !canMakeImmutable())('a SQLite file that cannot be written', () => {
  test('made immutable under the API: a save is 503 and changes nothing; writable again, it saves', async () => {
    const location = await freshLocation();
    const server = await startServer(location);
    try {
      const { cookie } = await login(server.url, 'huaiyuan');
      const draft = (version: number, text: string) =>
        call(
          server.url,
          cookie,
          'reports.saveDraft',
          { countyCode: '340321', period: '2021-07', version, values: { 'narrative.T11': text } },
          true,
        );
      expect((await draft(0, '第一稿')).status).toBe(200);
      // The disk refuses every write to the file and its WAL (a read-only remount, a full or failing disk).
      immutable(true, location, `${location}-wal`);
      let refused;
      try {
        refused = await draft(1, '第二稿');
      } finally {
        immutable(false, location, `${location}-wal`);
      }
      expect(refused.status).toBe(503);
      expect(refused.message).toContain('数据库暂时不可用，本次操作未保存');
      expect(refused.message.match(idPattern)?.[1]).toBe(refused.requestId);
      const read = await call(server.url, cookie, 'reports.get', { countyCode: '340321', period: '2021-07' }, false);
      expect([read.data!.version, read.data!.values!['narrative.T11']]).toEqual([1, '第一稿']);
      const again = await draft(1, '第二稿');
      expect(again.status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);
});
