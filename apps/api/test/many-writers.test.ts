import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { generatedReports, monthlyReports, reportSubmissions, users } from '@dudao/schema/tables';
import { openDb, type Db, type Opened } from '../src/db/client';
import { readDataVersion } from '../src/db/data-version';
import { systemActor } from '../src/services/actor';
import { currentCampaign } from '../src/services/campaign/store';
import { readTable } from '../src/services/files/table-reader';
import { ImportRejected, formatIssue } from '../src/services/import-errors';
import { provinceStatusAt } from '../src/services/known/status-at';
import { importValues } from '../src/services/reports/import-values';
import { storeDocument } from '../src/services/summaries/store';
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

async function open(path?: string): Promise<Opened> {
  const opened = path ? openDb(path) : await freshDb();
  handles.push(opened);
  return opened;
}

afterEach(() => {
  for (const h of handles.splice(0)) h.close();
});

async function submitJuly(db: Db, county: string, at = '2021-08-03T01:00:00.000Z') {
  const table = await readTable(csv([header, ...lines(county, '2021-07', julyValues)]), 'values.csv');
  return importValues(db, currentCampaign(db), table, systemActor, at, { submit: true });
}

const onTimeJuly = (db: Db) => provinceStatusAt(db, currentCampaign(db), AFTER_JULY_DUE).province.timeliness;

/** The old cache key: the highest id of each of the five tables status reads. */
function maxIds(db: Db) {
  return db.get<Record<string, number>>(sql`select
    (select coalesce(max(id), 0) from report_submissions) as submissions, (select coalesce(max(id), 0) from roster_uploads) as rosters,
    (select coalesce(max(id), 0) from case_uploads) as cases, (select coalesce(max(id), 0) from supervision_visits) as visits,
    (select coalesce(max(id), 0) from city_summaries) as summaries`);
}

describe('data_version keys the status cache', () => {
  test('a submission committed later with a lower id than the newest still changes the next status answer', async () => {
    const { db } = await open();
    // Ids 1–10 are handed to writers that have not committed yet, as PostgreSQL's sequences do.
    db.run(sql`insert into sqlite_sequence (name, seq) values ('report_submissions', 10)`);
    await submitJuly(db, HUAIYUAN);
    const table = await readTable(csv([header, ...lines(LINQUAN, '2021-07', julyValues)]), 'values.csv');
    importValues(db, currentCampaign(db), table, systemActor, '2021-08-04T01:00:00.000Z', { submit: false });
    expect(onTimeJuly(db)).toMatchObject({ period: '2021-07', onTime: 1, late: 0 });
    const before = maxIds(db);
    expect(before.submissions).toBe(11);

    // The writer that took id 5 commits only now: Linquan's July report, submitted on time.
    const report = db.select().from(monthlyReports).where(and(eq(monthlyReports.countyCode, LINQUAN), eq(monthlyReports.period, '2021-07'))).get()!;
    db.insert(reportSubmissions).values({ id: 5, reportId: report.id, campaignCode: report.campaignCode, countyCode: LINQUAN, period: '2021-07', submittedAt: '2021-08-04T02:00:00.000Z' }).run();
    expect(maxIds(db)).toEqual(before);
    expect(onTimeJuly(db)).toMatchObject({ period: '2021-07', onTime: 2, late: 0 });
  });

  test('every write transaction bumps data_version; a read leaves it as it was', async () => {
    const { db } = await open();
    const start = readDataVersion(db);
    onTimeJuly(db);
    expect(readDataVersion(db)).toBe(start);
    db.update(users).set({ displayName: '系统管理员（改）' }).where(eq(users.username, 'admin')).run();
    expect(readDataVersion(db)).toBe(start + 1);
  });

  test('two processes on one file: a write through A is in the next status answer through B', async () => {
    const a = await open();
    const b = await open(a.path);
    expect(onTimeJuly(b.db).onTime).toBe(0);
    await submitJuly(a.db, HUAIYUAN);
    expect(onTimeJuly(b.db).onTime).toBe(1);
    await submitJuly(a.db, LINQUAN);
    expect(onTimeJuly(b.db).onTime).toBe(2);
  });
});

describe('numbered document versions', () => {
  const built = (n: number) => ({ fileName: `淮北市行动总结-${n}.docx`, content: Buffer.from(`v${n}`), previewHtml: null });

  test('the service numbers 1, 2, 3 and the database refuses a second row with a number already taken', async () => {
    const { db } = await open();
    const campaign = currentCampaign(db);
    const versions = [1, 2, 3].map((n) => storeDocument(db, campaign, 'city', '3406', '2021-12-20', built(n), systemActor, `2021-12-20T0${n}:00:00.000Z`).version);
    expect(versions).toEqual([1, 2, 3]);
    const twice = { campaignCode: campaign.code, kind: 'city' as const, unitCode: '3406', asOf: '2021-12-20', version: 2, fileName: 'x.docx', content: Buffer.from('x'), generatedAt: '2021-12-20T05:00:00.000Z' };
    expect(() => db.insert(generatedReports).values(twice).run()).toThrow(/UNIQUE constraint failed/);
    // Another unit, or another kind, numbers on its own.
    expect(storeDocument(db, campaign, 'city', '3401', '2021-12-20', built(1), systemActor, '2021-12-20T06:00:00.000Z').version).toBe(1);
    expect(storeDocument(db, campaign, 'annex', '3406', '2021-12-20', built(1), systemActor, '2021-12-20T06:00:00.000Z').version).toBe(1);
  });

  test('a number another writer took first is a 409 with a Chinese message over HTTP, and nothing is written', async () => {
    const server = await freshServer();
    try {
      server.setTime('2021-12-13T02:00:00.000Z');
      const officer = await sessionOf(server.url, 'bengbu');
      const input = { kind: 'city', unit: '3403', asOf: '2021-12-13' };
      expect((await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' })).version).toBe(1);
      // Another writer commits version 2 between this one's max(version) and its insert.
      server.db.run(sql`create temp trigger racing_writer before insert on generated_reports when new.file_name <> 'racing.docx' begin
        insert into generated_reports (campaign_code, kind, unit_code, as_of, version, file_name, content, generated_at)
        values (new.campaign_code, new.kind, new.unit_code, new.as_of, new.version, 'racing.docx', x'00', new.generated_at); end`);
      const before = fingerprint(server.db);
      const clash = await rawCall(server.url, officer.cookie, 'documents.generate', 'mutation', input);
      expect(clash).toMatchObject({ status: 409, code: 'CONFLICT', message: '3403 的同类文档刚由他人生成了同一版本号，本次未保存，请重新生成' });
      expect(fingerprint(server.db)).toEqual(before);
      server.db.run(sql`drop trigger racing_writer`);
      expect((await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' })).version).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('importValues judges the report inside its own transaction', () => {
  test('an approved report refuses the import and nothing is written', async () => {
    const { db } = await open();
    await submitJuly(db, HUAIYUAN);
    db.update(monthlyReports).set({ state: 'approved' }).where(and(eq(monthlyReports.countyCode, HUAIYUAN), eq(monthlyReports.period, '2021-07'))).run();
    const before = fingerprint(db);
    const version = readDataVersion(db);
    const table = await readTable(csv([header, ...lines(HUAIYUAN, '2021-07', { ...julyValues, t01_dibao_urban: '1300' })]), 'values.csv');
    const error = (() => {
      try {
        importValues(db, currentCampaign(db), table, systemActor, '2021-08-20T01:00:00.000Z', { submit: false });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).issues.map(formatIssue)).toEqual(['第 2 行 period：340321 2021-07 月报已审核，须先由省级重新打开才能导入']);
    expect(fingerprint(db)).toEqual(before);
    expect(readDataVersion(db)).toBe(version);
  });
});
