import { existsSync, writeFileSync } from 'node:fs';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, monthlyReports } from '@dudao/schema/tables';
import { openDb, withTransaction } from '../src/db/client';
import { lockOn } from '../src/services/locks';
import { serverMarker } from '../src/services/backup/backup';
import { countyShapes } from '../src/services/org/shape';
import { cliAsync, holdWriteLock } from './support/async-cli';
import { csv } from './support/files';
import { freshLocation, sqliteOnly, tempPath } from './support/fresh-db';
import { sessionOf, startServer } from './support/http';
import { rawCall } from './support/raw';
import { header, julyValues, lines } from './support/report-values';

const HUAIYUAN = '340321';
let dbPath: string;
let server: Awaited<ReturnType<typeof startServer>>;
let clerk: string;
let admin: string;

// A short busy timeout, so "waits too long" becomes a conflict within the test.
process.env.DUDAO_BUSY_TIMEOUT_MS = '1500';

beforeAll(async () => {
  dbPath = await freshLocation();
  server = await startServer(dbPath);
  clerk = (await sessionOf(server.url, 'huaiyuan')).cookie;
  admin = (await sessionOf(server.url, 'p_admin')).cookie;
});
afterAll(() => server.close());

/**
 * PostgreSQL's twin of holdWriteLock: another connection's transaction writes one audit row and takes the lock of
 * Huaiyuan's August report (as another writer of that report would, so the API's save must wait for it), and holds
 * them for `ms` before committing. Resolves once the lock is held.
 */
async function holdPgWriteLock(location: string, ms: number): Promise<{ done: Promise<void> }> {
  const other = await openDb(location);
  let held!: () => void;
  const locked = new Promise<void>((resolve) => (held = resolve));
  const august = lockOn.report('anhui-2021', { countyCode: HUAIYUAN, period: '2021-08' });
  const done = withTransaction({ db: other.db }, [august], async ({ db }) => {
    await db
      .insert(auditLog)
      .values({ at: new Date().toISOString(), actor: 'lock-holder', action: 'test.lock', entity: 'test' })
      .run();
    held();
    await new Promise((resolve) => setTimeout(resolve, ms));
  }).finally(() => other.close());
  await locked;
  return { done };
}
const holdLock = (ms: number) => (sqliteOnly ? holdWriteLock(dbPath, ms) : holdPgWriteLock(dbPath, ms));

let version = 0;
/** One draft save of Huaiyuan's August report, carrying the version forward. */
async function saveAugust(n: number) {
  const answer = await rawCall(server.url, clerk, 'reports.saveDraft', 'mutation', {
    countyCode: HUAIYUAN,
    period: '2021-08',
    version,
    values: { t01_dibao_urban: String(1000 + n) },
  });
  if (answer.status === 200) version += 1;
  return answer;
}

describe('several writers on one database wait or get a conflict, never a 500', () => {
  test('a writer holding the lock briefly makes the API wait, then its write succeeds', async () => {
    const lock = await holdLock(400);
    expect((await saveAugust(0)).status).toBe(200);
    await lock.done;
  });

  test('a writer holding the lock past the busy timeout gives a CONFLICT in Chinese, and nothing is written', async () => {
    const lock = await holdLock(4000);
    const answer = await saveAugust(1);
    expect(answer).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      message: '数据库正忙（另一项导入或写入正在进行），未保存任何内容，请稍后重试',
    });
    await lock.done;
    expect((await saveAugust(2)).status).toBe(200);
  });

  test('a CLI import in another process while the API keeps writing: every answer is 200 or 409, the import succeeds', async () => {
    const counties = (await countyShapes({ db: server.db }, '34')).map((c) => c.code);
    const few = {
      t01_dibao_urban: julyValues.t01_dibao_urban!,
      t01_dibao_rural: julyValues.t01_dibao_rural!,
      t01_tekun: julyValues.t01_tekun!,
      'narrative.T01': julyValues['narrative.T01']!,
    };
    const file = tempPath('values.csv');
    writeFileSync(
      file,
      csv([header, ...counties.flatMap((c) => ['2021-07', '2021-09', '2021-10'].flatMap((p) => lines(c, p, few)))]),
    );
    const importing = cliAsync(['import', 'values', file], dbPath, { DUDAO_BUSY_TIMEOUT_MS: '20000' });
    let finished = false;
    void importing.then(() => (finished = true));
    const statuses: number[] = [];
    for (let n = 10; !finished || statuses.length < 5; n++) statuses.push((await saveAugust(n)).status);
    const result = await importing;
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${counties.length * 3} 份月报`);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect((await server.db.select({ n: count() }).from(monthlyReports).get())!.n).toBe(counties.length * 3 + 1);
  });
});

describe('backup and restore', () => {
  // SQLite's online backup of the file and its integrity_check; PostgreSQL's pg_dump round trip is postgres-processes.test.ts.
  test.skipIf(!sqliteOnly)(
    'db:backup while the API writes gives a sound copy; db:restore puts it back and status.at answers match',
    async () => {
      // The clock (a database setting, so the backup carries it) stands after every day compared below.
      await server.setTime('2021-12-31T08:00:00.000Z');
      const backup = tempPath('backup.db');
      const backingUp = cliAsync(['db:backup', backup], dbPath);
      let finished = false;
      void backingUp.then(() => (finished = true));
      for (let n = 100; !finished; n++) expect([200, 409]).toContain((await saveAugust(n)).status);
      const r = await backingUp;
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('已备份');
      const copy = await openDb(backup);
      // Raw SQL rows come back positional: one row, one column.
      expect(await copy.db.all<[string]>(sql`pragma integrity_check`)).toEqual([['ok']]);
      await copy.close();

      const restored = tempPath('restored.db');
      const back = await cliAsync(['db:restore', backup], restored);
      expect(back.code).toBe(0);
      const other = await startRestored(restored);
      try {
        for (const [asOf, unit] of [
          ['2021-08-05', '34'],
          ['2021-11-20', '3403'],
          ['2021-12-31', HUAIYUAN],
        ] as const) {
          const a = await rawStatus(server.url, admin, asOf, unit);
          const b = await rawStatus(other.url, other.admin, asOf, unit);
          expect(b).toEqual(a);
        }
        // Every report but the one still being written after the backup reads the same from the restored file.
        const list = async (url: string, cookie: string) =>
          (
            (await (
              await fetch(`${url}/trpc/reports.list?input=${encodeURIComponent(JSON.stringify({ unit: '34' }))}`, {
                headers: { cookie },
              })
            ).json()) as { result: { data: { countyCode: string; period: string }[] } }
          ).result.data.filter((r) => !(r.countyCode === HUAIYUAN && r.period === '2021-08'));
        const restoredList = await list(other.url, other.admin);
        expect(restoredList.length).toBe((await countyShapes({ db: server.db }, '34')).length * 3);
        expect(restoredList).toEqual(await list(server.url, admin));
      } finally {
        await other.close();
      }
    },
  );

  // The server's pid marker beside the SQLite file and a file restore; PostgreSQL restores with pg_restore.
  test.skipIf(!sqliteOnly)(
    'db:restore refuses while an API process holds the database, and leaves it as it was',
    async () => {
      writeFileSync(serverMarker(dbPath), String(process.pid));
      const before = (await server.db.select({ n: count() }).from(auditLog).get())!.n;
      const r = await cliAsync(['db:restore', tempPath('nothing.db')], dbPath);
      expect(r.code).toBe(1);
      const backup = tempPath('b.db');
      expect((await cliAsync(['db:backup', backup], dbPath)).code).toBe(0);
      const refused = await cliAsync(['db:restore', backup], dbPath);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`正在使用 ${dbPath}，请先停止服务再恢复`);
      expect((await server.db.select({ n: count() }).from(auditLog).get())!.n).toBe(before);
    },
  );

  test('db:reset refuses a database holding data unless --force', async () => {
    const before = (await server.db.select({ n: count() }).from(auditLog).get())!.n;
    const r = await cliAsync(['db:reset', '--no-demo'], dbPath);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已有数据（账号、月报或审计记录），db:reset 会全部删除');
    // The file is still there (on PostgreSQL the unchanged count below says the database is).
    if (sqliteOnly) expect(existsSync(dbPath)).toBe(true);
    expect((await server.db.select({ n: count() }).from(auditLog).get())!.n).toBe(before);
  });
});

async function rawStatus(url: string, cookie: string, asOf: string, unit: string) {
  const res = await fetch(`${url}/trpc/status.at?input=${encodeURIComponent(JSON.stringify({ asOf, unit }))}`, {
    headers: { cookie },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: unknown } }).result.data;
}

/** A second API over the restored file; its accounts are the restored ones (the backup holds p_admin). */
async function startRestored(path: string) {
  const { serve } = await import('@hono/node-server');
  const pino = (await import('pino')).default;
  const { createApp } = await import('../src/server/app');
  const opened = await openDb(path);
  const app = createApp({ db: opened.db, logger: pino({ level: 'silent' }) });
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => s.once('listening', r));
  const url = `http://127.0.0.1:${(s.address() as import('node:net').AddressInfo).port}`;
  const { cookie } = await (await import('./support/http')).login(url, 'p_admin');
  return {
    url,
    admin: cookie,
    close: async () => {
      await new Promise<void>((r) => s.close(() => r()));
      await opened.close();
    },
  };
}
