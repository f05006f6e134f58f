import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, loginAttempts, sessions, users } from '@dudao/schema/tables';
import { openDb } from '../src/db/client';
import { createApp } from '../src/server/app';
import { sourceAddress } from '../src/services/auth/address';
import { demoPassword } from '../src/services/users/demo-accounts';
import { emptyLocation, freshLocation, sqliteOnly } from './support/fresh-db';
import { PASSWORD, sessionOf, startServer } from './support/http';
import { fingerprint, rawCall } from './support/raw';

let dbPath: string;
let server: Awaited<ReturnType<typeof startServer>>;
let admin: string;

async function loginFrom(address: string, username: string, password = PASSWORD, url = server.url) {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { error?: string; waitSeconds?: number; user?: { mustChangePassword: boolean } };
  return { status: res.status, ...body, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}
/** Moves every recorded attempt back in time: what waiting would do, without a timed test. */
async function age(seconds: number) {
  // Worked out here rather than with SQLite's strftime, so it runs on both engines; the same ISO form, to the millisecond.
  for (const a of await server.db.select({ id: loginAttempts.id, at: loginAttempts.at }).from(loginAttempts).all()) {
    await server.db
      .update(loginAttempts)
      .set({ at: new Date(Date.parse(a.at) - seconds * 1000).toISOString() })
      .where(eq(loginAttempts.id, a.id))
      .run();
  }
}
/** The tables a PostgreSQL database holds, in any schema but the system's: none means nothing was built. */
async function postgresTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ name: string }>(
      "select table_schema || '.' || table_name as name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') order by 1",
    );
    return r.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}
const me = async (cookie: string, url = server.url) => (await fetch(`${url}/auth/me`, { headers: { cookie } })).status;

beforeAll(async () => {
  dbPath = await freshLocation();
  server = await startServer(dbPath);
  admin = (await sessionOf(server.url, 'p_admin')).cookie;
});
afterAll(() => server.close());

describe('login throttling per source address and per username', () => {
  test('5 failures from one address make it wait 15 s, even with the right password; the next failure doubles the wait', async () => {
    for (let i = 0; i < 5; i++) expect((await loginFrom('10.1.0.1', 'p_viewer', 'Wrong-pass1')).status).toBe(401);
    expect(await loginFrom('10.1.0.1', 'p_viewer')).toMatchObject({ status: 429, waitSeconds: 15 });
    expect((await loginFrom('10.1.0.2', 'p_viewer')).status).toBe(200);
    await age(16);
    expect((await loginFrom('10.1.0.1', 'p_viewer', 'Wrong-pass1')).status).toBe(401);
    expect(await loginFrom('10.1.0.1', 'p_viewer')).toMatchObject({ status: 429, waitSeconds: 30 });
    await age(31);
    expect((await loginFrom('10.1.0.1', 'p_viewer')).status).toBe(200);
  });

  test('the throttle lives in the database: a restarted API (another process, same file) still holds the address', async () => {
    for (let i = 0; i < 5; i++) await loginFrom('10.3.0.1', 'bengbu', 'Wrong-pass1');
    const opened = await openDb(dbPath);
    const app = createApp({ db: opened.db, logger: pino({ level: 'silent' }) });
    const other = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => other.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      expect(await loginFrom('10.3.0.1', 'bengbu', PASSWORD, url)).toMatchObject({ status: 429, waitSeconds: 15 });
    } finally {
      await new Promise((r) => other.close(r));
      await opened.close();
    }
  });

  test('a username attacked from many addresses slows strangers, never locks the right password from a known address', async () => {
    expect((await loginFrom('10.2.0.1', 'p_admin')).status).toBe(200);
    const answers: number[] = [];
    for (const attacker of ['10.2.0.10', '10.2.0.11', '10.2.0.12', '10.2.0.13'])
      for (let i = 0; i < 3; i++) answers.push((await loginFrom(attacker, 'p_admin', 'Guess-2021x')).status);
    // 10 failures from 4 addresses: from then on strangers are slowed (429) even though no address reached 5.
    expect(answers).toEqual([...Array(10).fill(401), 429, 429]);
    expect((await loginFrom('10.2.0.1', 'p_admin')).status).toBe(200);
    const stranger = await loginFrom('10.2.0.99', 'p_admin');
    expect(stranger.status).toBe(429);
    expect(stranger.error).toContain('在曾成功登录过的电脑上不受影响');
    await age(31);
    expect((await loginFrom('10.2.0.99', 'p_admin')).status).toBe(200);
  });

  test('every login, failure, throttle and logout is audited with the source address', async () => {
    for (let i = 0; i < 5; i++) await loginFrom('10.4.0.1', 'huaiyuan', 'Wrong-pass1');
    await loginFrom('10.4.0.1', 'huaiyuan');
    const ok = await loginFrom('10.4.0.2', 'huaiyuan');
    await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { cookie: ok.cookie, 'x-forwarded-for': '10.4.0.3' },
    });
    await loginFrom('10.4.0.4', 'nobody', 'Wrong-pass1');
    const rows = await server.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.address, ['10.4.0.1', '10.4.0.2', '10.4.0.3', '10.4.0.4']))
      .all();
    const seen = rows.map((r) => `${r.action}@${r.address}`);
    expect(seen.filter((s) => s === 'auth.failure@10.4.0.1')).toHaveLength(5);
    expect(seen).toEqual(
      expect.arrayContaining([
        'auth.throttle@10.4.0.1',
        'auth.login@10.4.0.2',
        'auth.logout@10.4.0.3',
        'auth.failure@10.4.0.4',
      ]),
    );
    expect(rows.find((r) => r.address === '10.4.0.4')!.actor).toBe('未登录用户（nobody）');
  });

  test('X-Forwarded-For is believed only from the dashboard proxy on loopback (or DUDAO_TRUSTED_PROXIES)', () => {
    expect(sourceAddress('127.0.0.1', '10.0.0.7')).toBe('10.0.0.7');
    expect(sourceAddress('203.0.113.5', '10.0.0.7')).toBe('203.0.113.5');
    expect(sourceAddress('127.0.0.1', 'not-an-address')).toBe('127.0.0.1');
  });
});

describe('password policy', () => {
  test('weak passwords, the username and the demo password outside a demo database are refused, and nothing is written', async () => {
    const weak = ['12345678', '        ', '\0'.repeat(8), 'abcdefgh', 'Abcdefgh', 'Ab1!', 'Zhang.san1', demoPassword];
    for (const password of weak) {
      const before = await fingerprint(server.db);
      const answer = await rawCall(server.url, admin, 'users.create', 'mutation', {
        username: 'zhang.san1',
        displayName: '张三',
        role: 'county_clerk',
        scopeCode: '340321',
        password,
      });
      expect([password, answer.status]).toEqual([password, 400]);
      expect(answer.message).toMatch(/^密码：/);
      expect(await fingerprint(server.db)).toEqual(before);
    }
    expect(
      (
        await rawCall(server.url, admin, 'users.create', 'mutation', {
          username: 'zhang.san1',
          displayName: '张三',
          role: 'county_clerk',
          scopeCode: '340321',
          password: 'Gd#2021rec',
        })
      ).status,
    ).toBe(200);
  });

  test('DUDAO_ADMIN_PASSWORD=123 is refused by db:reset --no-demo before anything is built', async () => {
    const path = await emptyLocation();
    const apiDir = fileURLToPath(new URL('..', import.meta.url));
    // Asynchronous, so the in-process server keeps serving (a blocked loop would reset its idle connections).
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        'node',
        ['--import', 'tsx', 'src/cli/main.ts', 'db:reset', '--no-demo', '--db', path],
        { cwd: apiDir, env: { ...process.env, INIT_CWD: apiDir, DUDAO_ADMIN_PASSWORD: '123' } },
        (err, _out, stderr) => resolve({ code: err ? (err.code as number) : 0, stderr }),
      );
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DUDAO_ADMIN_PASSWORD 不符合密码规则：密码至少 8 位');
    // No file was created, or on PostgreSQL the database holds no table.
    if (sqliteOnly) expect(existsSync(path)).toBe(false);
    else expect(await postgresTables(path)).toEqual([]);
  });
});

describe('forced change, idle timeout and ending sessions', () => {
  test('a password set by an admin must be changed at the next login before anything else', async () => {
    await rawCall(server.url, admin, 'users.create', 'mutation', {
      username: 'li.si',
      displayName: '李四',
      role: 'county_clerk',
      scopeCode: '340321',
      password: 'Init#2021ab',
    });
    const first = await loginFrom('10.5.0.1', 'li.si', 'Init#2021ab');
    expect(first.user!.mustChangePassword).toBe(true);
    expect(await rawCall(server.url, first.cookie, 'todo.mine', 'query', { asOf: '2021-08-02' })).toMatchObject({
      status: 403,
      message: '请先修改初始密码（账号页面）后再继续',
    });
    expect(
      (await fetch(`${server.url}/files/values.csv?unit=340321`, { headers: { cookie: first.cookie } })).status,
    ).toBe(403);
    expect(
      (
        await rawCall(server.url, first.cookie, 'account.changePassword', 'mutation', {
          oldPassword: 'Init#2021ab',
          newPassword: 'Mine#2021cd',
        })
      ).status,
    ).toBe(200);
    expect((await rawCall(server.url, first.cookie, 'todo.mine', 'query', { asOf: '2021-08-02' })).status).toBe(200);
    const id = (await server.db.select().from(users).where(eq(users.username, 'li.si')).get())!.id;
    expect(
      (await rawCall(server.url, admin, 'users.resetPassword', 'mutation', { userId: id, password: 'Reset#2021ef' }))
        .status,
    ).toBe(200);
    expect((await loginFrom('10.5.0.1', 'li.si', 'Reset#2021ef')).user!.mustChangePassword).toBe(true);
  });

  test('a session idle for 30 minutes ends; one used 29 minutes ago lives on', async () => {
    const idle = await loginFrom('10.6.0.1', 'bengbu');
    const busy = await loginFrom('10.6.0.2', 'bengbu');
    const back = (cookie: string, minutes: number) =>
      server.db.run(
        sql`update sessions set last_seen_at = ${new Date(Date.now() - minutes * 60_000).toISOString()} where token_hash = (select token_hash from sessions order by created_at desc limit 1 offset ${cookie === idle.cookie ? 1 : 0})`,
      );
    await back(idle.cookie, 31);
    await back(busy.cookie, 29);
    expect(await me(idle.cookie)).toBe(401);
    expect(await me(busy.cookie)).toBe(200);
  });

  test('changing the password ends every other session of the user; disabling ends them all', async () => {
    await rawCall(server.url, admin, 'users.create', 'mutation', {
      username: 'wang.wu',
      displayName: '王五',
      role: 'county_clerk',
      scopeCode: '340321',
      password: 'Init#2021ab',
    });
    const a = await loginFrom('10.7.0.1', 'wang.wu', 'Init#2021ab');
    const b = await loginFrom('10.7.0.2', 'wang.wu', 'Init#2021ab');
    expect(
      (
        await rawCall(server.url, a.cookie, 'account.changePassword', 'mutation', {
          oldPassword: 'Init#2021ab',
          newPassword: 'Mine#2021cd',
        })
      ).status,
    ).toBe(200);
    expect(await me(a.cookie)).toBe(200);
    expect(await me(b.cookie)).toBe(401);
    const id = (await server.db.select().from(users).where(eq(users.username, 'wang.wu')).get())!.id;
    expect(
      (await rawCall(server.url, admin, 'users.setDisabled', 'mutation', { userId: id, disabled: true })).status,
    ).toBe(200);
    expect(await me(a.cookie)).toBe(401);
    expect(await server.db.select().from(sessions).where(eq(sessions.userId, id)).all()).toHaveLength(0);
  });

  test('in a demo database the published demo accounts keep working without a forced change', async () => {
    await server.db.update(users).set({ demo: true }).where(eq(users.username, 'p_viewer')).run();
    expect(
      (
        await rawCall(server.url, admin, 'users.create', 'mutation', {
          username: 'demo.two',
          displayName: '演示',
          role: 'county_clerk',
          scopeCode: '340321',
          password: demoPassword,
        })
      ).status,
    ).toBe(200);
    await server.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'demo.two')).run();
    expect((await loginFrom('10.8.0.1', 'demo.two', demoPassword)).user!.mustChangePassword).toBe(false);
  });
});
