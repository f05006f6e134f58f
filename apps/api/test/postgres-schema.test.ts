import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { auditLog, dataVersion, orgUnits, users } from '@dudao/schema/tables';
import { openDb, type Opened } from '../src/db/client';
import { emptyLocation, postgresOnly, tempPath } from './support/fresh-db';

// The append-only history tables, as the plan's "no data is ever lost" needs them (read off DOMAIN and the
// SQLite migrations 0002 and 0005 by hand): U = no update, D = no delete.
const guarded = [
  'audit_log:U',
  'audit_log:D',
  'report_events:U',
  'report_events:D',
  'report_values:U',
  'report_values:D',
  'submission_values:U',
  'roster_rows:U',
  'supervision_revisions:U',
  'supervision_revisions:D',
  'rectification_evidence:U',
  'rectification_evidence:D',
  'supervision_visits:U',
  'supervision_visits:D',
  'dispatch_orders:U',
  'dispatch_orders:D',
  'dispatch_copies:U',
  'dispatch_copies:D',
  'dispatch_events:U',
  'dispatch_events:D',
  'dispatch_files:U',
  'dispatch_files:D',
  'urges:U',
  'urges:D',
].sort();

// On the run's PostgreSQL server (DUDAO_TEST_ENGINE=postgres): an empty database migrated by openDb, read through
// the app's own query API, and its catalogue read through a plain pool.
let opened: Opened;
let catalogue: pg.Pool;

beforeAll(async () => {
  if (!postgresOnly) return;
  const url = await emptyLocation();
  opened = await openDb(url);
  catalogue = new pg.Pool({ connectionString: url, max: 1 });
}, 60_000);

afterAll(async () => {
  await catalogue?.end();
  await opened?.close();
});

// The tables whose writes feed a cache (DOMAIN "Beyond one machine"), so each write must bump data_version.
const bumping = [
  'campaigns',
  'case_uploads',
  'city_summaries',
  'clock_settings',
  'dispatch_copies',
  'dispatch_events',
  'dispatch_files',
  'dispatch_orders',
  'document_settings',
  'generated_reports',
  'monthly_reports',
  'notices',
  'rectification_evidence',
  'rectification_items',
  'report_events',
  'report_submissions',
  'report_values',
  'roster_uploads',
  'supervision_revisions',
  'supervision_visits',
  'urges',
  'users',
];

interface Shape {
  columns: Record<string, string[]>;
  indexes: string[];
  guards: string[];
  bumps: string[];
}

async function sqliteShape(): Promise<Shape> {
  const path = tempPath();
  await (await openDb(path)).close();
  const raw = new Database(path, { readonly: true });
  const tables = (
    raw
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const columns = Object.fromEntries(
    tables.map((t) => [
      t,
      (raw.prepare(`pragma table_info(${t})`).all() as { name: string; notnull: number; pk: number }[])
        .map((c) => `${c.name}${c.notnull || c.pk ? ' not null' : ''}`)
        .sort(),
    ]),
  );
  const indexes = (
    raw.prepare("select name from sqlite_master where type = 'index' and sql is not null").all() as { name: string }[]
  )
    .map((i) => i.name)
    .sort();
  const triggers = raw.prepare("select name, tbl_name as t, sql from sqlite_master where type = 'trigger'").all() as {
    name: string;
    t: string;
    sql: string;
  }[];
  const guards = triggers
    .filter((g) => !g.name.includes('_bumps_data_version'))
    .map((g) => `${g.t}:${/BEFORE UPDATE/i.test(g.sql) ? 'U' : 'D'}`)
    .sort();
  const bumps = triggers
    .filter((g) => g.name.includes('_bumps_data_version'))
    .map((g) => `${g.t}:${/AFTER (\w+)/i.exec(g.sql)![1]!.toUpperCase()}`)
    .sort();
  raw.close();
  return { columns, indexes, guards, bumps };
}

async function postgresShape(): Promise<Shape> {
  const q = async <T>(sql: string) => (await catalogue.query(sql)).rows as T[];
  const rows = await q<{ t: string; c: string; nullable: string }>(
    "select table_name as t, column_name as c, is_nullable as nullable from information_schema.columns where table_schema = 'public'",
  );
  const columns: Record<string, string[]> = {};
  for (const r of rows) (columns[r.t] ??= []).push(`${r.c}${r.nullable === 'NO' ? ' not null' : ''}`);
  for (const list of Object.values(columns)) list.sort();
  const indexes = (
    await q<{ name: string }>(
      "select i.relname as name from pg_index x join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace where n.nspname = 'public' and not x.indisprimary",
    )
  )
    .map((i) => i.name)
    .sort();
  // The `<table>_fill_id` triggers (migration 0004) give a NULL id the identity's next value, as SQLite's rowid does
  // by itself: engine mechanics, neither a guard nor a bump, so SQLite has no twin of them to compare.
  const triggers = (
    await q<{ name: string; t: string; e: string }>(
      "select trigger_name as name, event_object_table as t, event_manipulation as e from information_schema.triggers where trigger_schema = 'public'",
    )
  ).filter((g) => !g.name.endsWith('_fill_id'));
  const guards = triggers
    .filter((g) => !g.name.includes('_bumps_data_version'))
    .map((g) => `${g.t}:${g.e === 'UPDATE' ? 'U' : 'D'}`)
    .sort();
  const bumps = triggers
    .filter((g) => g.name.includes('_bumps_data_version'))
    .map((g) => `${g.t}:${g.e}`)
    .sort();
  return { columns, indexes, guards, bumps };
}

describe.skipIf(!postgresOnly)('one schema, both engines', () => {
  test('PostgreSQL, migrated from its own migrations, has exactly the tables, columns, null rules and indexes of SQLite', async () => {
    const lite = await sqliteShape();
    const server = await postgresShape();
    expect(Object.keys(server.columns).sort()).toEqual(Object.keys(lite.columns).sort());
    expect(server.columns).toEqual(lite.columns);
    expect(server.indexes).toEqual(lite.indexes);
  });

  test('both engines guard the same history tables against update and delete', async () => {
    expect((await sqliteShape()).guards).toEqual(guarded);
    expect((await postgresShape()).guards).toEqual(guarded);
  });

  test('both engines bump data_version on every insert, update and delete of the tables caches are built from', async () => {
    const expected = bumping.flatMap((t) => ['DELETE', 'INSERT', 'UPDATE'].map((e) => `${t}:${e}`)).sort();
    expect((await sqliteShape()).bumps).toEqual(expected);
    expect((await postgresShape()).bumps).toEqual(expected);
  });

  test('PostgreSQL refuses to rewrite or erase the audit log but lets a user row change', async () => {
    await opened.db.insert(orgUnits).values({ code: '34', name: '安徽省', level: 'province', parentCode: null });
    const [user] = await opened.db
      .insert(users)
      .values({
        username: 'admin',
        displayName: '管理员',
        passwordHash: 'x',
        role: 'province_admin',
        scopeCode: '34',
        createdAt: '2021-07-01T00:00:00.000Z',
      })
      .returning();
    const [row] = await opened.db
      .insert(auditLog)
      .values({ at: '2021-07-01T00:00:00.000Z', actorId: user!.id, actor: 'admin', action: 'login', entity: 'session' })
      .returning();
    await expect(
      opened.db.update(auditLog).set({ action: 'erased' }).where(eq(auditLog.id, row!.id)),
    ).rejects.toMatchObject({ cause: { message: 'audit_log is append-only' } });
    await expect(opened.db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toMatchObject({
      cause: { message: 'audit_log is append-only' },
    });
    await opened.db.update(users).set({ disabled: true }).where(eq(users.id, user!.id));
    const [changed] = await opened.db.select().from(users).where(eq(users.id, user!.id));
    expect(changed!.disabled).toBe(true);
    const [kept] = await opened.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(kept!.action).toBe('login');
  });

  test('on PostgreSQL one write statement bumps data_version once, however many rows it writes, and a read not at all', async () => {
    const read = async () => (await opened.db.select().from(dataVersion))[0]!.version;
    const start = await read();
    await opened.db.select().from(users);
    expect(await read()).toBe(start);
    await opened.db.insert(users).values(
      ['clerk1', 'clerk2', 'clerk3'].map((username) => ({
        username,
        displayName: username,
        passwordHash: 'x',
        role: 'province_admin' as const,
        scopeCode: '34',
        createdAt: '2021-07-01T00:00:00.000Z',
      })),
    );
    expect(await read()).toBe(start + 1);
  });
});
