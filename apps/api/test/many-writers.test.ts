import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { changeFeed, generatedReports, monthlyReports, reportSubmissions, users } from '@dudao/schema/tables';
import { engineOf, isUniqueViolation, openDb, type Db, type Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { currentCampaign } from '../src/services/campaign/store';
import { serviceContext, type ServiceContext } from '../src/services/context';
import { readTable } from '../src/services/files/table-reader';
import { ImportRejected, formatIssue } from '../src/services/import-errors';
import { provinceStatusAt } from '../src/services/known/status-at';
import { importValues } from '../src/services/reports/import-values';
import { storeDocument } from '../src/services/documents/stored';
import { csv } from './support/files';
import { freshDb } from './support/fresh-db';
import { freshServer, sessionOf } from './support/http';
import { fingerprint, rawCall } from './support/raw';
import { header, julyValues, lines } from './support/report-values';

const HUAIYUAN = '340321';
const LINQUAN = '341221';
// July reports are due 2021-08-05; on the 10th the province's timeliness counts July.
const AFTER_JULY_DUE = '2021-08-10';
const handles: Opened[] = [];

/** A fresh tree database (or a second handle on `location`), with the context its services run in. */
async function open(location?: string): Promise<Opened & { ctx: ServiceContext }> {
  const opened = location ? await openDb(location) : await freshDb();
  handles.push(opened);
  return { ...opened, ctx: serviceContext(opened.db, await currentCampaign({ db: opened.db }), systemActor) };
}

afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

async function submitJuly(ctx: ServiceContext, county: string, at = '2021-08-03T01:00:00.000Z') {
  const table = await readTable(csv([header, ...lines(county, '2021-07', julyValues)]), 'values.csv');
  return importValues(ctx, table, { submit: true }, at);
}

const onTimeJuly = async (ctx: ServiceContext) => (await provinceStatusAt(ctx, AFTER_JULY_DUE)).province.timeliness;

/** The old cache key: the highest id of each of the five tables status reads. */
async function maxIds(db: Db) {
  // Raw SQL rows come back positional on both engines.
  const row = await db.get<number[]>(sql`select
    (select coalesce(max(id), 0) from report_submissions), (select coalesce(max(id), 0) from roster_uploads),
    (select coalesce(max(id), 0) from case_uploads), (select coalesce(max(id), 0) from supervision_visits),
    (select coalesce(max(id), 0) from city_summaries)`);
  const [submissions, rosters, cases, visits, summaries] = row.map(Number);
  return { submissions, rosters, cases, visits, summaries };
}

describe('the change feed keys the status cache', () => {
  test('a submission committed later with a lower id than the newest still changes the next status answer', async () => {
    const { db, ctx } = await open();
    // Ids 1–10 are handed to writers that have not committed yet, as PostgreSQL's sequences do.
    if (engineOf(db) === 'postgres')
      await db.run(sql`select setval(pg_get_serial_sequence('report_submissions', 'id'), 10)`);
    else await db.run(sql`insert into sqlite_sequence (name, seq) values ('report_submissions', 10)`);
    await submitJuly(ctx, HUAIYUAN);
    const table = await readTable(csv([header, ...lines(LINQUAN, '2021-07', julyValues)]), 'values.csv');
    await importValues(ctx, table, { submit: false }, '2021-08-04T01:00:00.000Z');
    expect(await onTimeJuly(ctx)).toMatchObject({ period: '2021-07', onTime: 1, late: 0 });
    const before = await maxIds(db);
    expect(before.submissions).toBe(11);

    // The writer that took id 5 commits only now: Linquan's July report, submitted on time.
    const report = (await db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.countyCode, LINQUAN), eq(monthlyReports.period, '2021-07')))
      .get())!;
    await db
      .insert(reportSubmissions)
      .values({
        id: 5,
        reportId: report.id,
        campaignCode: report.campaignCode,
        countyCode: LINQUAN,
        period: '2021-07',
        submittedAt: '2021-08-04T02:00:00.000Z',
      })
      .run();
    expect(await maxIds(db)).toEqual(before);
    expect(await onTimeJuly(ctx)).toMatchObject({ period: '2021-07', onTime: 2, late: 0 });
  });

  test('a back-filled submission appends a feed row naming the figures of its county from its Beijing day, and rows for its records; a read and a user change none', async () => {
    const { db, ctx } = await open();
    const feed = async () =>
      (await db.select().from(changeFeed).orderBy(changeFeed.id).all()).map((r) => [
        r.campaignCode,
        r.fromDay,
        r.counties,
        r.kind,
      ]);
    const start = (await feed()).length;
    await onTimeJuly(ctx);
    await db.update(users).set({ displayName: '系统管理员（改）' }).where(eq(users.username, 'admin')).run();
    expect((await feed()).length).toBe(start);
    // 17:00 UTC on 08-03 is 01:00 on 08-04 in Beijing. The submission's trigger names the county's figures; the
    // report, its events (created, saved, submitted) name the county's records; and the write, stamped before the
    // clock's day, notes that day for every unit's records.
    await submitJuly(ctx, HUAIYUAN, '2021-08-03T17:00:00.000Z');
    const rows = (await feed()).slice(start);
    expect(rows.filter((r) => r[3] === 'figures')).toEqual([[ctx.campaign.code, '2021-08-04', HUAIYUAN, 'figures']]);
    expect(rows.at(-1)).toEqual(['*', '2021-08-04', '*', 'records']);
    const records = rows.slice(0, -1).filter((r) => r[3] === 'records');
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(new Set(records.map((r) => r.join(' ')))).toEqual(
      new Set([`${ctx.campaign.code} 2021-08-04 ${HUAIYUAN} records`]),
    );
  });

  test('an answer for a day before the write stays the same object; the days from the write on are answered anew', async () => {
    const { ctx } = await open();
    const before = await provinceStatusAt(ctx, '2021-08-03');
    const after = await provinceStatusAt(ctx, AFTER_JULY_DUE);
    expect(after.province.timeliness).toMatchObject({ period: '2021-07', onTime: 0 });
    await submitJuly(ctx, HUAIYUAN, '2021-08-04T01:00:00.000Z');
    expect(await provinceStatusAt(ctx, '2021-08-03')).toBe(before);
    const anew = await provinceStatusAt(ctx, AFTER_JULY_DUE);
    expect(anew).not.toBe(after);
    expect(anew.province.timeliness).toMatchObject({ period: '2021-07', onTime: 1 });
    expect(await provinceStatusAt(ctx, AFTER_JULY_DUE)).toBe(anew);
  });

  test('two handles on one database (a process each): a write through A is in the next status answer through B', async () => {
    const a = await open();
    const b = await open(a.path);
    expect((await onTimeJuly(b.ctx)).onTime).toBe(0);
    await submitJuly(a.ctx, HUAIYUAN);
    expect((await onTimeJuly(b.ctx)).onTime).toBe(1);
    await submitJuly(a.ctx, LINQUAN);
    expect((await onTimeJuly(b.ctx)).onTime).toBe(2);
  });
});

/**
 * Another writer that commits the same version number between this one's max(version) and its insert: a trigger
 * inserting a twin row just before the real one (SQLite: a temp trigger on the server's one connection; PostgreSQL
 * has no temp triggers, so a plain one in the test's own database). Returns its removal.
 */
async function racingWriter(db: Db): Promise<() => Promise<void>> {
  if (engineOf(db) === 'postgres') {
    await db.run(
      sql.raw(`create function racing_writer() returns trigger language plpgsql as $$ begin
      if new.file_name <> 'racing.docx' then
        insert into generated_reports (campaign_code, kind, unit_code, as_of, version, file_name, content, generated_at)
        values (new.campaign_code, new.kind, new.unit_code, new.as_of, new.version, 'racing.docx', '\\x00', new.generated_at);
      end if;
      return new; end $$`),
    );
    await db.run(
      sql`create trigger racing_writer before insert on generated_reports for each row execute function racing_writer()`,
    );
    return async () => {
      await db.run(sql`drop trigger racing_writer on generated_reports`);
      await db.run(sql`drop function racing_writer()`);
    };
  }
  await db.run(sql`create temp trigger racing_writer before insert on generated_reports when new.file_name <> 'racing.docx' begin
    insert into generated_reports (campaign_code, kind, unit_code, as_of, version, file_name, content, generated_at)
    values (new.campaign_code, new.kind, new.unit_code, new.as_of, new.version, 'racing.docx', x'00', new.generated_at); end`);
  return async () => {
    await db.run(sql`drop trigger racing_writer`);
  };
}

describe('numbered document versions', () => {
  const built = (n: number) => ({
    fileName: `淮北市行动总结-${n}.docx`,
    content: Buffer.from(`v${n}`),
    previewHtml: null,
  });

  test('the service numbers 1, 2, 3 and the database refuses a second row with a number already taken', async () => {
    const { db, ctx } = await open();
    const { campaign } = ctx;
    const versions: number[] = [];
    for (const n of [1, 2, 3])
      versions.push(
        (await storeDocument(ctx, 'city', '3406', '2021-12-20', built(n), `2021-12-20T0${n}:00:00.000Z`)).version,
      );
    expect(versions).toEqual([1, 2, 3]);
    const twice = {
      campaignCode: campaign.code,
      kind: 'city' as const,
      unitCode: '3406',
      asOf: '2021-12-20',
      version: 2,
      fileName: 'x.docx',
      content: Buffer.from('x'),
      generatedAt: '2021-12-20T05:00:00.000Z',
    };
    // SQLite's "UNIQUE constraint failed" or PostgreSQL's 23505, whichever engine this run is on.
    await expect(db.insert(generatedReports).values(twice).run()).rejects.toSatisfy(isUniqueViolation);
    // Another unit, or another kind, numbers on its own.
    expect((await storeDocument(ctx, 'city', '3401', '2021-12-20', built(1), '2021-12-20T06:00:00.000Z')).version).toBe(
      1,
    );
    expect(
      (await storeDocument(ctx, 'annex', '3406', '2021-12-20', built(1), '2021-12-20T06:00:00.000Z')).version,
    ).toBe(1);
  });

  test('a number another writer took first is a 409 with a Chinese message over HTTP, and nothing is written', async () => {
    const server = await freshServer();
    try {
      await server.setTime('2021-12-13T02:00:00.000Z');
      const officer = await sessionOf(server.url, 'bengbu');
      const input = { kind: 'city', unit: '3403', asOf: '2021-12-13' };
      expect(
        (await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' })).version,
      ).toBe(1);
      // Another writer commits version 2 between this one's max(version) and its insert.
      const removeRacer = await racingWriter(server.db);
      const before = await fingerprint(server.db);
      const clash = await rawCall(server.url, officer.cookie, 'documents.generate', 'mutation', input);
      expect(clash).toMatchObject({
        status: 409,
        code: 'CONFLICT',
        message: '3403 的同类文档刚由他人生成了同一版本号，本次未保存，请重新生成',
      });
      expect(await fingerprint(server.db)).toEqual(before);
      await removeRacer();
      expect(
        (await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' })).version,
      ).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('importValues judges the report inside its own transaction', () => {
  test('an approved report refuses the import and nothing is written', async () => {
    const { db, ctx } = await open();
    await submitJuly(ctx, HUAIYUAN);
    await db
      .update(monthlyReports)
      .set({ state: 'approved' })
      .where(and(eq(monthlyReports.countyCode, HUAIYUAN), eq(monthlyReports.period, '2021-07')))
      .run();
    const before = await fingerprint(db);
    const fed = (await db.select().from(changeFeed).all()).length;
    const table = await readTable(
      csv([header, ...lines(HUAIYUAN, '2021-07', { ...julyValues, t01_dibao_urban: '1300' })]),
      'values.csv',
    );
    const error = await importValues(ctx, table, { submit: false }, '2021-08-20T01:00:00.000Z').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).issues.map(formatIssue)).toEqual([
      '第 2 行 period：340321 2021-07 月报已审核，须先由省级重新打开才能导入',
    ]);
    expect(await fingerprint(db)).toEqual(before);
    expect((await db.select().from(changeFeed).all()).length).toBe(fed);
  });
});
