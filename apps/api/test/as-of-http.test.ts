import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { townshipsOf } from '../src/services/org/units';
import { csv, xlsx } from './support/files';
import { errorCode, freshServer, sessionOf, startServer } from './support/http';
import { rosterFor } from './support/roster';
import { julyValues } from './support/report-values';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Server;
let clerk: Session, officer: Session, admin: Session;
const county = '340321';
const july = { countyCode: county, period: '2021-07' };
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

function upload(path: string, body: Buffer, name: string, cookie: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), name);
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie }, body: form });
}

/**
 * One story on a frozen campaign clock: each write is made at a known instant T, and every list is then read
 * at the day before T (no trace of it) and at T's day (it is there).
 */
beforeAll(async () => {
  server = await freshServer();
  clerk = await sessionOf(server.url, 'huaiyuan');
  officer = await sessionOf(server.url, 'bengbu');
  admin = await sessionOf(server.url, 'p_admin');

  await server.setTime(at('2021-08-02T10:00:00'));
  await clerk.trpc.reports.saveDraft.mutate({ ...july, version: 0, values: julyValues });
  await server.setTime(at('2021-08-03T09:30:00'));
  await clerk.trpc.reports.submit.mutate({ ...july, version: 1 });
  await server.setTime(at('2021-08-04T15:00:00'));
  await officer.trpc.reports.approve.mutate({ ...july, version: 2 });

  await server.setTime(at('2021-08-07T11:00:00'));
  expect(
    (
      await upload(
        `/files/roster?county=${county}`,
        await xlsx(await rosterFor(server.db, county)),
        'roster.xlsx',
        clerk.cookie,
      )
    ).status,
  ).toBe(200);

  await server.setTime(at('2021-08-10T16:00:00'));
  const township = (await townshipsOf({ db: server.db }, [county]))[0]!.code;
  const log = csv([
    ['case_id', 'kind', 'township_code', 'applied_on', 'decided_on'],
    ['A1', '低保', township, '2021-07-15', '2021-08-02'],
  ]);
  expect((await upload(`/files/cases?county=${county}`, log, 'cases.csv', clerk.cookie)).status).toBe(200);

  await server.setTime(at('2021-08-12T18:00:00'));
  const visit = await officer.trpc.supervision.recordVisit.mutate({
    countyCode: county,
    visitedOn: '2021-08-12',
    byLevel: 'city',
    visitors: '市民政局',
    findings: '协理员配备不足',
  });
  const item = await officer.trpc.supervision.addItem.mutate({
    visitId: visit.id,
    description: '补齐协理员',
    owner: '县民政局',
    dueOn: '2021-09-10',
  });
  await server.setTime(at('2021-08-16T10:00:00'));
  await officer.trpc.supervision.closeItem.mutate({ itemId: item.id, evidence: '已配齐，名单存档' });

  await server.setTime(at('2021-08-18T09:00:00'));
  const doc = await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-08-18' });
  await server.setTime(at('2021-08-19T09:00:00'));
  await officer.trpc.summaries.submit.mutate({ id: doc.id });

  await server.setTime(at('2021-08-31T12:00:00'));
}, 120_000);
afterAll(() => server.close());

describe('every list as of a date: nothing recorded after the end of that day appears', () => {
  test('reports.list: the July report does not exist on 08-01, is a draft on 08-02, submitted on 08-03, approved on 08-04', async () => {
    const stateOn = async (asOf: string) =>
      (await officer.trpc.reports.list.query({ unit: county, asOf })).map((r) => [
        r.period,
        r.state,
        r.version,
        r.firstSubmittedAt,
      ]);
    expect(await stateOn('2021-08-01')).toEqual([]);
    expect(await stateOn('2021-08-02')).toEqual([['2021-07', 'draft', 1, null]]);
    expect(await stateOn('2021-08-03')).toEqual([['2021-07', 'submitted', 2, at('2021-08-03T09:30:00')]]);
    expect(await stateOn('2021-08-04')).toEqual([['2021-07', 'approved', 3, at('2021-08-03T09:30:00')]]);
    // The city inbox is the submitted ones: the report waits there on 08-03 only.
    const inbox = async (asOf: string) =>
      (await officer.trpc.reports.list.query({ unit: '3403', state: 'submitted', asOf })).map((r) => r.countyCode);
    expect([await inbox('2021-08-02'), await inbox('2021-08-03'), await inbox('2021-08-04')]).toEqual([
      [],
      [county],
      [],
    ]);
  });

  test('reports.get: state, values and history stop at the as-of day', async () => {
    const before = await clerk.trpc.reports.get.query({ ...july, asOf: '2021-08-01' });
    expect(before).toMatchObject({ exists: false, state: 'draft', version: 0, values: {}, history: [] });
    const on3 = await clerk.trpc.reports.get.query({ ...july, asOf: '2021-08-03' });
    expect(on3).toMatchObject({
      exists: true,
      state: 'submitted',
      version: 2,
      firstSubmittedAt: at('2021-08-03T09:30:00'),
    });
    expect(on3.values.t01_dibao_urban).toBe('1200');
    expect(on3.history.map((e) => e.action)).toEqual(['create', 'save', 'submit']);
    expect((await clerk.trpc.reports.get.query(july)).history.map((e) => e.action)).toEqual([
      'create',
      'save',
      'submit',
      'approve',
    ]);
  });

  test('notices.mine: the officer hears of the submission from 08-03, the clerk of the approval from 08-04', async () => {
    const kinds = async (s: Session, asOf: string) =>
      (await s.trpc.notices.mine.query({ asOf })).filter((n) => n.kind.startsWith('report.')).map((n) => n.kind);
    expect(await kinds(officer, '2021-08-02')).toEqual([]);
    expect(await kinds(officer, '2021-08-03')).toEqual(['report.submitted']);
    expect(await kinds(clerk, '2021-08-03')).toEqual([]);
    expect(await kinds(clerk, '2021-08-04')).toEqual(['report.approve']);
  });

  test('todo.mine: the officer reviews on 08-03 only; the roster is not overdue before 08-05, overdue after, gone once uploaded', async () => {
    const titles = async (s: Session, asOf: string) =>
      (await s.trpc.todo.mine.query({ asOf })).map((t) => [t.kind, t.overdue]);
    expect(await titles(officer, '2021-08-02')).toEqual([]);
    expect(await titles(officer, '2021-08-03')).toEqual([['review', false]]);
    expect(await titles(officer, '2021-08-04')).toEqual([]);
    const roster = async (asOf: string) =>
      (await clerk.trpc.todo.mine.query({ asOf })).find((t) => t.kind === 'roster' && t.title === '上传村级台账');
    expect(await roster('2021-07-20')).toMatchObject({ dueOn: '2021-08-05', overdue: false });
    expect(await roster('2021-08-05')).toMatchObject({ dueOn: '2021-08-05', overdue: false });
    expect(await roster('2021-08-06')).toMatchObject({ dueOn: '2021-08-05', overdue: true });
    expect(await roster('2021-08-07')).toBeUndefined();
  });

  test('roster.current and cases.summary: an upload shows from its day on', async () => {
    expect((await clerk.trpc.roster.current.query({ countyCode: county, asOf: '2021-08-06' })).upload).toBeNull();
    expect((await clerk.trpc.roster.current.query({ countyCode: county, asOf: '2021-08-07' })).upload).toMatchObject({
      uploadedAt: at('2021-08-07T11:00:00'),
    });
    expect((await clerk.trpc.cases.summary.query({ countyCode: county, asOf: '2021-08-09' })).upload).toBeNull();
    expect((await clerk.trpc.cases.summary.query({ countyCode: county, asOf: '2021-08-10' })).upload).toMatchObject({
      uploadedAt: at('2021-08-10T16:00:00'),
      rowCount: 1,
    });
  });

  test('supervision.list: the visit shows from 08-12, its item open until it was closed on 08-16', async () => {
    const visits = async (asOf: string) =>
      (await officer.trpc.supervision.list.query({ unit: county, asOf })).map((v) => [
        v.visitedOn,
        v.items.map((i) => [i.status, i.evidence]),
      ]);
    expect(await visits('2021-08-11')).toEqual([]);
    expect(await visits('2021-08-12')).toEqual([['2021-08-12', [['open', null]]]]);
    expect(await visits('2021-08-15')).toEqual([['2021-08-12', [['open', null]]]]);
    expect(await visits('2021-08-16')).toEqual([['2021-08-12', [['done', '已配齐，名单存档']]]]);
  });

  test('documents.list and summaries.status: the summary exists from 08-18 and counts as submitted from 08-19', async () => {
    expect(await officer.trpc.documents.list.query({ unit: '3403', asOf: '2021-08-17' })).toEqual([]);
    expect(
      (await officer.trpc.documents.list.query({ unit: '3403', asOf: '2021-08-18' })).map((d) => [d.kind, d.version]),
    ).toEqual([['city', 1]]);
    const submitted = async (asOf: string) =>
      (await officer.trpc.summaries.status.query({ unit: '3403', asOf })).find((s) => s.cityCode === '3403')!
        .firstSubmittedAt;
    expect([await submitted('2021-08-18'), await submitted('2021-08-19')]).toEqual([null, at('2021-08-19T09:00:00')]);
  });

  test('audit.history: each day shows only the changes recorded by its end', async () => {
    const actions = async (asOf: string) =>
      (await admin.trpc.audit.history.query({ unit: county, asOf }))
        .map((e) => e.action)
        .filter((a) => a.startsWith('report.'));
    expect(await actions('2021-08-01')).toEqual([]);
    const on2 = await actions('2021-08-02');
    expect(new Set(on2)).toEqual(new Set(['report.create', 'report.value']));
    expect(await actions('2021-08-03')).toContain('report.submit');
    expect(await actions('2021-08-03')).not.toContain('report.approve');
    expect(await actions('2021-08-04')).toContain('report.approve');
  });

  test("without an as-of date every list reads the clock's day", async () => {
    expect((await officer.trpc.reports.list.query({ unit: county })).map((r) => r.state)).toEqual(['approved']);
    expect((await officer.trpc.supervision.list.query({ unit: county }))[0]!.items[0]!.status).toBe('done');
    expect((await admin.trpc.status.at.query({ unit: county })).asOf).toBe('2021-08-31');
  });

  test("an as-of date after the clock's day is refused with a Chinese 400, its dates in words", async () => {
    for (const call of [
      () => officer.trpc.reports.list.query({ unit: county, asOf: '2021-09-01' }),
      () => admin.trpc.status.at.query({ asOf: '2021-09-01' }),
      () => clerk.trpc.notices.mine.query({ asOf: '2021-09-01' }),
      () => clerk.trpc.roster.current.query({ countyCode: county, asOf: '2021-09-01' }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(errorCode(error)).toBe('BAD_REQUEST');
      expect((error as Error).message).toBe(
        '查看日期 2021年9月1日 晚于活动时钟的日期 2021年8月31日，不能查看尚未发生的情况',
      );
    }
  });
});

describe('the campaign clock over tRPC', () => {
  test('everyone reads it; only an admin moves it, and only forward', async () => {
    expect(await clerk.trpc.clock.get.query()).toMatchObject({
      now: at('2021-08-31T12:00:00'),
      today: '2021-08-31',
      simulated: true,
    });
    expect(
      errorCode(await clerk.trpc.clock.set.mutate({ at: '2021-09-01T09:00:00+08:00' }).catch((e: unknown) => e)),
    ).toBe('FORBIDDEN');
    const back = await admin.trpc.clock.set.mutate({ at: '2021-08-30T09:00:00+08:00' }).catch((e: unknown) => e);
    expect(errorCode(back)).toBe('BAD_REQUEST');
    expect((back as Error).message).toContain('时钟只能向后拨');
    const moved = await admin.trpc.clock.set.mutate({ at: '2021-09-06T09:00:00+08:00' });
    expect(moved).toMatchObject({ today: '2021-09-06', mode: 'running', simulated: true });
    // A write now is stamped by the moved clock (running from 09:00, so a moment later).
    await clerk.trpc.reports.saveDraft.mutate({
      countyCode: county,
      period: '2021-08',
      version: 0,
      values: { t01_tekun: '2600' },
    });
    const created = (await clerk.trpc.reports.get.query({ countyCode: county, period: '2021-08' })).history[0]!.at;
    expect(created >= at('2021-09-06T09:00:00') && created < at('2021-09-06T09:05:00')).toBe(true);
  });
});
