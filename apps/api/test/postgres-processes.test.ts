import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { openDb, type Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { setClock } from '../src/services/clock/clock';
import { serviceContext, type ServiceContext } from '../src/services/context';
import { createUser } from '../src/services/users/accounts';
import { apiDir, cliAsync } from './support/async-cli';
import { emptyLocation, freshLocation, postgresOnly } from './support/fresh-db';
import { PASSWORD, people, sessionOf, trpcAs } from './support/http';
import { freePort } from './support/postgres';
import { rawCall } from './support/raw';
import { julyValues } from './support/report-values';

// Beyond one machine: several API processes on one PostgreSQL database, each with its own pool and caches, and
// nothing shared but the database. Real processes (`tsx src/server/main.ts`), real HTTP, the run's real server.

interface ApiProcess {
  url: string;
  child: ChildProcess;
  log: () => string;
}

/** `pnpm start` on `location` in its own process, on a free port; resolves once /healthz answers. */
async function startApi(location: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: apiDir,
    env: { ...process.env, DUDAO_DB: location, PORT: String(port), HOST: '127.0.0.1', DUDAO_PG_POOL: '4' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`API 进程退出（${child.exitCode}）：${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, log: () => output };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`API 进程 60 秒内未就绪：${output}`);
}

async function stopApi(api: ApiProcess | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  await exited;
}

const july = { countyCode: '340321', period: '2021-07' };
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

let location: string;
let setup: Opened;
let ctx: ServiceContext;
let a: ApiProcess, b: ApiProcess, c: ApiProcess | undefined;
const setTime = (iso: string) => setClock(ctx, { at: iso, mode: 'frozen' });

beforeAll(async () => {
  if (!postgresOnly) return;
  location = await freshLocation();
  setup = await openDb(location);
  ctx = serviceContext(setup.db, builtinCampaign('anhui-2021'), systemActor);
  for (const p of people)
    await createUser(ctx, { ...p, displayName: p.username, password: PASSWORD }, '2021-07-01T00:00:00.000Z');
  await setTime(at('2021-08-02T10:00:00'));
  [a, b] = await Promise.all([startApi(location), startApi(location)]);
});

afterAll(async () => {
  await Promise.all([stopApi(a), stopApi(b), stopApi(c)]);
  await setup?.close();
});

describe.skipIf(!postgresOnly)('two API processes on one PostgreSQL database', () => {
  test('a session opened on A is valid on B, and a logout on A ends it on B at once', async () => {
    const onA = await sessionOf(a.url, 'p_viewer');
    const me = await fetch(`${b.url}/auth/me`, { headers: { cookie: onA.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('p_viewer');
    expect((await fetch(`${a.url}/auth/logout`, { method: 'POST', headers: { cookie: onA.cookie } })).ok).toBe(true);
    expect((await fetch(`${b.url}/auth/me`, { headers: { cookie: onA.cookie } })).status).toBe(401);
  });

  test('a write through A is read through B at once, and the other way round', async () => {
    const clerkA = await sessionOf(a.url, 'huaiyuan');
    const clerkB = trpcAs(b.url, clerkA.cookie);
    const adminB = (await sessionOf(b.url, 'p_admin')).trpc;
    const valueOn = async (asOf: string) =>
      (await adminB.status.at.query({ asOf, unit: '340321' })).counties[0]!.indicators.t01_dibao_urban!.value;

    expect(await clerkA.trpc.reports.saveDraft.mutate({ ...july, version: 0, values: julyValues })).toMatchObject({
      report: { state: 'draft', version: 1 },
    });
    const draft = await clerkB.reports.get.query(july);
    expect(draft).toMatchObject({ state: 'draft', version: 1 });
    expect(draft.values.t01_dibao_urban).toBe('1200');
    // A draft is nobody's figure yet.
    expect(await valueOn('2021-08-02')).toBeNull();

    await setTime(at('2021-08-03T09:30:00'));
    expect(await clerkB.reports.submit.mutate({ ...july, version: 1 })).toMatchObject({
      state: 'submitted',
      version: 2,
    });
    expect(await clerkA.trpc.reports.get.query(july)).toMatchObject({ state: 'submitted', version: 2 });
    // Submitted on 08-03: known from that day's status on, through either process.
    expect(await valueOn('2021-08-02')).toBeNull();
    expect(await valueOn('2021-08-03')).toBe(1200);
    const adminA = (await sessionOf(a.url, 'p_admin')).trpc;
    expect(
      (await adminA.status.at.query({ asOf: '2021-08-03', unit: '340321' })).counties[0]!.indicators.t01_dibao_urban!
        .value,
    ).toBe(1200);
  });

  test('racing the same step on A and B: one succeeds, the other is CONFLICT, never a 500', async () => {
    await setTime(at('2021-08-04T15:00:00'));
    const officer = await sessionOf(a.url, 'bengbu');
    const clerk = await sessionOf(b.url, 'huaiyuan');
    const admin = await sessionOf(a.url, 'p_admin');
    const race = async (cookie: string, path: string, input: unknown) => {
      const answers = await Promise.all([a, b].map((api) => rawCall(api.url, cookie, path, 'mutation', input)));
      const statuses = answers.map((r) => r.status).sort();
      const now = await (await sessionOf(a.url, 'p_admin')).trpc.reports.get.query(july);
      expect(
        statuses,
        JSON.stringify({ answers, version: now.version, history: now.history.map((e) => [e.action, e.version]) }),
      ).toEqual([200, 409]);
      expect(answers.find((r) => r.status === 409)!.code).toBe('CONFLICT');
    };
    let version = 2;
    // Three rounds of two officers returning one report at once; the clerk corrects and resubmits in between.
    for (let round = 1; round <= 3; round++) {
      await race(officer.cookie, 'reports.return', {
        ...july,
        version,
        reason: `第 ${round} 次退回：请核对城市低保人数`,
      });
      expect(await clerk.trpc.reports.get.query(july)).toMatchObject({ state: 'returned', version: version + 1 });
      // Both saves carry the same version: one is the edit, the other a stale copy.
      await race(clerk.cookie, 'reports.saveDraft', {
        ...july,
        version: version + 1,
        values: { 'narrative.T01': `第 ${round} 次修改说明` },
      });
      expect(await clerk.trpc.reports.submit.mutate({ ...july, version: version + 2 })).toMatchObject({
        state: 'submitted',
        version: version + 3,
      });
      version += 3;
    }
    // 2 + 3 × 3 = 11: the report went through exactly one return, one save and one submit per round.
    expect(version).toBe(11);
    await race(officer.cookie, 'reports.approve', { ...july, version: 11 });
    await race(admin.cookie, 'reports.accept', { ...july, version: 12 });
    const detail = await officer.trpc.reports.get.query(july);
    expect(detail).toMatchObject({ state: 'accepted', version: 13 });
    // Each winning step once in the history: create, save, submit, then (return, save, submit) × 3, approve, accept.
    expect(detail.history.map((e) => e.action)).toEqual([
      'create',
      'save',
      'submit',
      ...Array(3).fill(['return', 'save', 'submit']).flat(),
      'approve',
      'accept',
    ]);
  });

  test('pg_dump backup (online, both processes serving) restored into a new database answers status identically', async () => {
    // The campaign clock is a row too: set before the backup, the copy reads at the same day (status refuses later dates).
    await setTime(at('2021-12-20T10:00:00'));
    // Logged in before the backup: the session is a row of the database, so the cookie is valid on the restored copy.
    const { cookie } = await sessionOf(a.url, 'p_admin');
    const dir = mkdtempSync(join(tmpdir(), 'dudao-pgdump-'));
    const file = join(dir, 'dudao.dump');
    const target = await emptyLocation();
    try {
      const backup = await cliAsync(['db:backup', file], location);
      expect(backup.code, backup.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
      const restore = await cliAsync(['db:restore', file], target);
      expect(restore.code, restore.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    c = await startApi(target);

    const fromA = trpcAs(a.url, cookie);
    const fromC = trpcAs(c.url, cookie);
    for (const asOf of ['2021-07-31', '2021-08-03', '2021-08-10', '2021-10-31', '2021-12-15']) {
      expect(await fromC.status.at.query({ asOf }), asOf).toEqual(await fromA.status.at.query({ asOf }));
    }
    // Computed by hand: Huaiyuan's July report, first submitted 08-03 (before the 08-05 due date), 1200 urban dibao.
    const restored = await fromC.status.at.query({ asOf: '2021-08-10', unit: '340321' });
    expect(restored.counties[0]!.indicators.t01_dibao_urban!.value).toBe(1200);
    expect(await fromC.reports.get.query(july)).toEqual(await fromA.reports.get.query(july));
  });
});
