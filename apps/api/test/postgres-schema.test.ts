import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { auditLog, changeFeed, orgUnits, supervisionVisits, users } from '@dudao/schema/tables';
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

// The tables whose writes feed a status figure (docs/ENGINES.md "Change feed"): each insert appends to the feed; an
// update or delete of a figure row (refused or never made) reaches every day.
const feeding = [
  'campaigns:INSERT',
  'case_uploads:DELETE',
  'case_uploads:INSERT',
  'case_uploads:UPDATE',
  'city_summaries:DELETE',
  'city_summaries:INSERT',
  'city_summaries:UPDATE',
  'clock_settings:INSERT',
  'dispatch_copies:INSERT',
  'dispatch_events:INSERT',
  'monthly_reports:DELETE',
  'monthly_reports:INSERT',
  'rectification_evidence:INSERT',
  'rectification_items:DELETE',
  'rectification_items:INSERT',
  'rectification_items:UPDATE',
  'report_events:INSERT',
  'report_submissions:DELETE',
  'report_submissions:INSERT',
  'report_submissions:UPDATE',
  'roster_uploads:DELETE',
  'roster_uploads:INSERT',
  'roster_uploads:UPDATE',
  'supervision_revisions:INSERT',
  'supervision_visits:DELETE',
  'supervision_visits:INSERT',
  'supervision_visits:UPDATE',
  'urges:INSERT',
];

interface Shape {
  columns: Record<string, string[]>;
  indexes: string[];
  guards: string[];
  feeds: string[];
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
    .filter((g) => !g.name.includes('_feeds_change_feed'))
    .map((g) => `${g.t}:${/BEFORE UPDATE/i.test(g.sql) ? 'U' : 'D'}`)
    .sort();
  const feeds = triggers
    .filter((g) => g.name.includes('_feeds_change_feed'))
    .map((g) => `${g.t}:${/AFTER (\w+)/i.exec(g.sql)![1]!.toUpperCase()}`)
    .sort();
  raw.close();
  return { columns, indexes, guards, feeds };
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
    .filter((g) => !g.name.includes('_feeds_change_feed'))
    .map((g) => `${g.t}:${g.e === 'UPDATE' ? 'U' : 'D'}`)
    .sort();
  const feeds = triggers
    .filter((g) => g.name.includes('_feeds_change_feed'))
    .map((g) => `${g.t}:${g.e}`)
    .sort();
  return { columns, indexes, guards, feeds };
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

  test('both engines append to the change feed on every write of the tables status figures are read from', async () => {
    expect((await sqliteShape()).feeds).toEqual(feeding);
    expect((await postgresShape()).feeds).toEqual(feeding);
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

  test('on PostgreSQL one statement appends one feed row per campaign, naming its counties and earliest Beijing day', async () => {
    const feed = async () =>
      (await opened.db.select().from(changeFeed).orderBy(changeFeed.id)).map((r) => [
        r.campaignCode,
        r.fromDay,
        r.counties,
      ]);
    await opened.db.insert(orgUnits).values([
      { code: '3403', name: '蚌埠市', level: 'city', parentCode: '34' },
      { code: '340321', name: '怀远县', level: 'county', parentCode: '3403' },
      { code: '340322', name: '五河县', level: 'county', parentCode: '3403' },
    ]);
    await opened.db.select().from(users);
    const before = await feed();
    // 2021-08-03T16:30Z is already 08-04 in Beijing; 08-03T15:59Z is still 08-03.
    await opened.db.insert(supervisionVisits).values(
      (
        [
          ['340322', '2021-08-03T16:30:00.000Z'],
          ['340321', '2021-08-03T15:59:00.000Z'],
          ['340322', '2021-08-05T01:00:00.000Z'],
        ] as const
      ).map(([countyCode, recordedAt]) => ({
        campaignCode: 'anhui-2021',
        countyCode,
        visitedOn: '2021-08-03',
        byLevel: 'city' as const,
        visitors: '张三',
        findings: '无',
        recordedAt,
      })),
    );
    expect((await feed()).slice(before.length)).toEqual([['anhui-2021', '2021-08-03', '340321,340322']]);
  });
});
