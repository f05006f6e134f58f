import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, outbox, rosterUploads } from '@dudao/schema/tables';
import { systemActor } from '../src/services/actor';
import { currentCampaign } from '../src/services/campaign/store';
import { lockOn, serviceContext, withTransaction } from '../src/services/context';
import { voidRecord } from '../src/services/supervision/revisions';
import { storeDocument } from '../src/services/documents/stored';
import { townshipsOf } from '../src/services/org/units';
import { fileRouteList } from '../src/server/file-routes';
import { rules } from '../src/trpc/permissions';
import { appRouter } from '../src/trpc/root';
import { photoPng } from './support/evidence-files';
import { csv } from './support/files';
import { freshServer, login, sessionOf, type startServer } from './support/http';
import { TEST_SECRET_KEY } from './support/notify';
import { robotServer } from './support/receivers';
import { julyValues } from './support/report-values';
import { rosterFor } from './support/roster';
import { codeOfStatus } from './support/status-codes';

// Issue #24, item 2: every mutation of the permissions table is sent twice at once, the same request through the real
// server, and its outcome checked against what the service promises — one wins and the other is refused (a guarded
// step), both apply (independent appends), or both end in the state asked for (an idempotent setter) — and the record
// is read back: nothing lost, nothing applied twice, never a 500. A new mutation fails the first test until it has a
// race case here.

process.env.DUDAO_SECRET_KEY = TEST_SECRET_KEY;

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
type Robots = Awaited<ReturnType<typeof robotServer>>;
type RuleName = keyof typeof rules;

let server: Server;
let robots: Robots;
let admin: Session;
let clerk: Session;
let viewer: Session;

const at = (local: string) => new Date(`${local}+08:00`).toISOString();
// The campaign clock for every race: 2021-08-10, after July's reports fell due (08-05). Both racers are stamped alike.
const T0 = at('2021-08-10T10:00:00');
const TODAY = '2021-08-10';

/** One answer of the server, however the route answers: its status, tRPC code, words and data. */
interface Answer {
  status: number;
  code: string | undefined;
  message: string;
  data: unknown;
}

/** A tRPC mutation over plain HTTP, as any client sends one. */
async function mutate(cookie: string, path: string, input: unknown): Promise<Answer> {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json().catch(() => ({}))) as {
    result?: { data?: unknown };
    error?: { message?: string; data?: { code?: string } };
  };
  return {
    status: res.status,
    code: body.error?.data?.code,
    message: body.error?.message ?? '',
    data: body.result?.data,
  };
}

/** A POST to a file route; `body` builds a new body for each request. */
async function postFile(
  cookie: string,
  path: string,
  body: () => Uint8Array | FormData,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${server.url}/files${path}`, {
    method: 'POST',
    headers: { cookie, ...headers },
    body: body(),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  return {
    status: res.status,
    code: res.ok ? undefined : codeOfStatus[res.status],
    message: json.error ?? '',
    data: res.ok ? json : undefined,
  };
}

interface Refusal {
  status: number;
  code: string;
}
const CONFLICT: Refusal = { status: 409, code: 'CONFLICT' };

/**
 * What two identical requests at once must end in:
 * - oneWins: one 200 and one refusal (409 CONFLICT unless `refusal` says otherwise), applied exactly once;
 * - bothApply: two 200s, both effects present afterwards;
 * - sameEnd: two 200s, and the record in the state asked for.
 * For bothApply and sameEnd, `refusal` names the one refusal the service documents for the second of two writers.
 */
type Outcome = 'oneWins' | 'bothApply' | 'sameEnd';
interface RaceCase {
  outcome: Outcome;
  refusal?: Refusal;
  /** Sets the record up; returns the request to send twice and the check of the record afterwards. */
  arrange: () => Promise<{ send: () => Promise<Answer>; check: (answers: Answer[]) => Promise<void> }>;
}

async function race(name: string, c: RaceCase): Promise<void> {
  const { send, check } = await c.arrange();
  const answers = await Promise.all([send(), send()]);
  // Each answer as [status, tRPC code]: a success has no code.
  const got = answers.map((a) => [a.status, a.code ?? null]).sort(([a], [b]) => Number(a) - Number(b));
  const shown = JSON.stringify({ name, answers: answers.map(({ status, message }) => ({ status, message })) });
  const success = [200, null];
  const refusal = c.refusal ?? (c.outcome === 'oneWins' ? CONFLICT : undefined);
  const refused = refusal ? [refusal.status, refusal.code] : success;
  // Soft: a wrong pair of answers still lets the record be read back, so a failure shows both.
  if (c.outcome === 'oneWins') expect.soft(got, shown).toEqual([success, refused]);
  // bothApply and sameEnd: both succeed, or the second gets the one refusal the service documents.
  else
    expect
      .soft(
        [
          [success, success],
          [success, refused],
        ],
        shown,
      )
      .toContainEqual(got);
  // Whatever the case declares, never a 500: every answer is a success or a refusal the service words.
  for (const a of answers) expect.soft([200, 400, 409], shown).toContain(a.status);
  await check(answers);
}

const allWon = <T>(answers: Answer[]) => answers.filter((a) => a.status === 200).map((a) => a.data as T);
const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** The audit entries of one action under a unit (one page: every case keeps well under 500 entries per unit). */
async function audited(unit: string, action: string, entityId?: string | number) {
  const page = await admin.trpc.audit.history.query({ unit });
  expect(page.length).toBeLessThan(500);
  return page.filter((e) => e.action === action && (entityId === undefined || e.entityId === String(entityId)));
}

// ——— set-up through the API, as the dashboard does it ———

const report = (countyCode: string) => ({ countyCode, period: '2021-07' });
/** July's report saved once: version 0 (create) → 1 (save). */
async function drafted(county: string) {
  await admin.trpc.reports.saveDraft.mutate({ ...report(county), version: 0, values: julyValues });
}
/** … and submitted: version 2. */
async function submitted(county: string) {
  await drafted(county);
  await admin.trpc.reports.submit.mutate({ ...report(county), version: 1 });
}
/** … and approved by the city: version 3. */
async function approved(county: string) {
  await submitted(county);
  await admin.trpc.reports.approve.mutate({ ...report(county), version: 2 });
}
const reportOf = (county: string) => admin.trpc.reports.get.query(report(county));
const actions = async (county: string) => (await reportOf(county)).history.map((e) => e.action);

async function visitIn(county: string) {
  return admin.trpc.supervision.recordVisit.mutate({
    countyCode: county,
    visitedOn: '2021-08-09',
    byLevel: 'province',
    visitors: '省民政厅督导组',
    findings: '村级协理员配备不足',
  });
}
async function itemIn(county: string) {
  const visit = await visitIn(county);
  const item = await admin.trpc.supervision.addItem.mutate({
    visitId: visit.id,
    description: '补齐村级协理员',
    owner: '县民政局',
    dueOn: '2021-09-30',
  });
  return { visit, item };
}
const visitsOf = (county: string) => admin.trpc.supervision.list.query({ unit: county });
const itemOf = async (county: string, id: number) =>
  (await visitsOf(county)).flatMap((v) => v.items).find((i) => i.id === id)!;

const order = (county: string, title: string) => ({
  counties: [county],
  title,
  matter: '请于期限内补齐村级台账并反馈',
  level: 'normal' as const,
  deadline: '2021-08-20',
});
async function issued(county: string, title = '补齐村级台账') {
  return (await admin.trpc.dispatch.issue.mutate(order(county, title))).id;
}
async function signed(county: string) {
  const id = await issued(county);
  await admin.trpc.dispatch.sign.mutate({ id, county });
  return id;
}
async function fedBack(county: string) {
  const id = await signed(county);
  await admin.trpc.dispatch.feedback.mutate({ id, county, text: '已补齐 12 个村的台账', askClose: true });
  return id;
}
const copyOf = async (id: number, county: string) =>
  (await admin.trpc.dispatch.get.query({ id })).copies.find((c) => c.county === county)!;
const copyHistory = async (id: number, county: string) => (await copyOf(id, county)).history.map((e) => e.action);

const PASSWORD_1 = 'Race-Start-2021';
const PASSWORD_2 = 'Race-Next-2021';
async function newUser(username: string, scopeCode: string) {
  return admin.trpc.users.create.mutate({
    username,
    displayName: username,
    password: PASSWORD_1,
    role: 'county_clerk',
    scopeCode,
  });
}
const userNamed = async (username: string) =>
  (await admin.trpc.users.list.query()).filter((u) => u.username === username);

const tRPC = (session: Session, path: string, input: unknown) => () => mutate(session.cookie, path, input);

// ——— the race cases, one per mutation of the permissions table ———

const cases: Partial<Record<RuleName, RaceCase>> = {
  'clock.set': {
    // The dashboard's clock runs from the time set and moves only forward: the second of two setting one instant may
    // find it already a millisecond past that instant and is refused (400 时钟只能向后拨), as it would be if sent after.
    outcome: 'sameEnd',
    refusal: { status: 400, code: 'BAD_REQUEST' },
    arrange: async () => {
      const target = at('2021-08-10T11:00:00');
      return {
        send: tRPC(admin, 'clock.set', { at: target }),
        check: async (answers) => {
          try {
            // 11:00 Beijing is 03:00 UTC; a refusal within that minute shows the running clock to the second.
            for (const refused of answers.filter((a) => a.status === 400))
              expect(refused.message).toMatch(
                /^时钟只能向后拨：2021年8月10日 11:00 早于当前时钟 2021年8月10日 11:00:\d\d$/,
              );
            const clock = await admin.trpc.clock.get.query();
            expect([clock.mode, clock.today]).toEqual(['running', TODAY]);
            expect(Date.parse(clock.now) - Date.parse(target)).toBeGreaterThanOrEqual(0);
            expect(Date.parse(clock.now) - Date.parse(target)).toBeLessThan(60_000);
            // The same refusal, sent after: the clock held at 11:00:30, the form asks for 11:00.
            await server.setTime('2021-08-10T03:00:30.000Z');
            const late = await tRPC(admin, 'clock.set', { at: target })();
            expect([late.status, late.message]).toEqual([
              400,
              '时钟只能向后拨：2021年8月10日 11:00 早于当前时钟 2021年8月10日 11:00:30',
            ]);
          } finally {
            await server.setTime(T0);
          }
        },
      };
    },
  },

  'reports.saveDraft': {
    // The first save of a report that does not exist yet: both carry version 0; one creates and saves it.
    outcome: 'oneWins',
    arrange: async () => ({
      send: tRPC(admin, 'reports.saveDraft', { ...report('340122'), version: 0, values: julyValues }),
      check: async () => {
        expect(await reportOf('340122')).toMatchObject({ state: 'draft', version: 1 });
        expect(await actions('340122')).toEqual(['create', 'save']);
        // The 48 fields of julyValues, each audited once (old → new), however many saves were sent.
        expect(await audited('340122', 'report.value')).toHaveLength(Object.keys(julyValues).length);
        expect(await audited('340122', 'report.create')).toHaveLength(1);
      },
    }),
  },
  'reports.submit': {
    outcome: 'oneWins',
    arrange: async () => {
      await drafted('340124');
      return {
        send: tRPC(admin, 'reports.submit', { ...report('340124'), version: 1 }),
        check: async () => {
          expect(await reportOf('340124')).toMatchObject({ state: 'submitted', version: 2 });
          expect(await actions('340124')).toEqual(['create', 'save', 'submit']);
          expect(await audited('340124', 'report.submit')).toHaveLength(1);
        },
      };
    },
  },
  'reports.return': {
    outcome: 'oneWins',
    arrange: async () => {
      await submitted('340281');
      return {
        send: tRPC(admin, 'reports.return', { ...report('340281'), version: 2, reason: '城市低保人数有误' }),
        check: async () => {
          expect(await reportOf('340281')).toMatchObject({ state: 'returned', version: 3 });
          expect(await actions('340281')).toEqual(['create', 'save', 'submit', 'return']);
          expect(await audited('340281', 'report.return')).toHaveLength(1);
        },
      };
    },
  },
  'reports.approve': {
    outcome: 'oneWins',
    arrange: async () => {
      await submitted('340422');
      return {
        send: tRPC(admin, 'reports.approve', { ...report('340422'), version: 2 }),
        check: async () => {
          expect(await reportOf('340422')).toMatchObject({ state: 'approved', version: 3 });
          expect(await actions('340422')).toEqual(['create', 'save', 'submit', 'approve']);
        },
      };
    },
  },
  'reports.accept': {
    outcome: 'oneWins',
    arrange: async () => {
      await approved('340822');
      return {
        send: tRPC(admin, 'reports.accept', { ...report('340822'), version: 3 }),
        check: async () => {
          expect(await reportOf('340822')).toMatchObject({ state: 'accepted', version: 4 });
          expect(await actions('340822')).toEqual(['create', 'save', 'submit', 'approve', 'accept']);
        },
      };
    },
  },
  'reports.acceptMany': {
    // Two reports in one batch: the loser finds the first already accepted and accepts neither.
    outcome: 'oneWins',
    arrange: async () => {
      await approved('340826');
      await approved('340828');
      return {
        send: tRPC(admin, 'reports.acceptMany', {
          reports: [
            { ...report('340826'), version: 3 },
            { ...report('340828'), version: 3 },
          ],
        }),
        check: async () => {
          for (const county of ['340826', '340828']) {
            expect(await reportOf(county), county).toMatchObject({ state: 'accepted', version: 4 });
            expect(await actions(county), county).toEqual(['create', 'save', 'submit', 'approve', 'accept']);
          }
        },
      };
    },
  },
  'reports.reopen': {
    outcome: 'oneWins',
    arrange: async () => {
      await approved('341021');
      return {
        send: tRPC(admin, 'reports.reopen', { ...report('341021'), version: 3, reason: '重新核对特困人数' }),
        check: async () => {
          expect(await reportOf('341021')).toMatchObject({ state: 'returned', version: 4 });
          expect(await actions('341021')).toEqual(['create', 'save', 'submit', 'approve', 'reopen']);
        },
      };
    },
  },

  'supervision.recordVisit': {
    // Two records of a visit are two visits (a visit has no natural key): both kept, each with its id.
    outcome: 'bothApply',
    arrange: async () => ({
      send: tRPC(admin, 'supervision.recordVisit', {
        countyCode: '341722',
        visitedOn: '2021-08-09',
        byLevel: 'province',
        visitors: '省民政厅督导组',
        findings: '临时救助备用金未下沉',
      }),
      check: async (answers) => {
        const ids = allWon<{ id: number }>(answers).map((v) => v.id);
        expect(new Set(ids).size).toBe(2);
        const visits = await visitsOf('341722');
        expect(ascending(visits.map((v) => v.id))).toEqual(ascending(ids));
        expect(visits.map((v) => v.findings)).toEqual(['临时救助备用金未下沉', '临时救助备用金未下沉']);
      },
    }),
  },
  'supervision.addItem': {
    outcome: 'bothApply',
    arrange: async () => {
      const visit = await visitIn('341723');
      return {
        send: tRPC(admin, 'supervision.addItem', {
          visitId: visit.id,
          description: '公布救助热线',
          owner: '县民政局',
          dueOn: '2021-09-15',
        }),
        check: async (answers) => {
          const ids = allWon<{ id: number }>(answers).map((i) => i.id);
          expect(new Set(ids).size).toBe(2);
          const [shown] = await visitsOf('341723');
          const items = [...shown!.items].sort((a, b) => a.id - b.id);
          expect(items.map((i) => [i.id, i.status])).toEqual(ascending(ids).map((id) => [id, 'open']));
        },
      };
    },
  },
  'supervision.closeItem': {
    outcome: 'oneWins',
    arrange: async () => {
      const { item } = await itemIn('341821');
      return {
        send: tRPC(admin, 'supervision.closeItem', { itemId: item.id, evidence: '已补齐 8 名协理员' }),
        check: async () => {
          expect(await itemOf('341821', item.id)).toMatchObject({ status: 'done', evidence: '已补齐 8 名协理员' });
          expect(await audited('341821', 'supervision.close')).toHaveLength(1);
        },
      };
    },
  },
  'files.evidence.close': {
    // 销号 with a photo: the loser's photo is not stored beside the winner's.
    outcome: 'oneWins',
    arrange: async () => {
      const { item } = await itemIn('341823');
      const form = () => {
        const body = new FormData();
        body.set('evidence', '协理员名单已公示');
        body.set('file', new Blob([new Uint8Array(photoPng())], { type: 'image/png' }), '公示照片.png');
        return body;
      };
      return {
        send: () => postFile(admin.cookie, `/items/${item.id}/close`, form),
        check: async () => {
          const closed = await itemOf('341823', item.id);
          expect(closed).toMatchObject({ status: 'done', evidence: '协理员名单已公示' });
          expect(closed.files.map((f) => f.fileName)).toEqual(['公示照片.png']);
          expect(await audited('341823', 'supervision.close')).toHaveLength(1);
          expect(await audited('341823', 'supervision.evidence')).toHaveLength(1);
        },
      };
    },
  },
  'supervision.correct': {
    // The second correction asks for what the record already says: refused as 更正内容与原记录相同 (400), as it is when
    // sent after the first; one revision.
    outcome: 'oneWins',
    refusal: { status: 400, code: 'BAD_REQUEST' },
    arrange: async () => {
      const { item } = await itemIn('341824');
      return {
        send: tRPC(admin, 'supervision.correct', {
          target: 'item',
          id: item.id,
          reason: '责任单位写错',
          changes: { owner: '县人社局' },
        }),
        check: async () => {
          const corrected = await itemOf('341824', item.id);
          expect(corrected.owner).toBe('县人社局');
          expect(corrected.revisions.map((r) => [r.action, r.changes])).toEqual([['correct', { owner: '县人社局' }]]);
          // One correction audits two entries: the field changed (责任单位) and the reason.
          expect(await audited('341824', 'supervision.correct')).toHaveLength(2);
        },
      };
    },
  },
  'supervision.void': {
    outcome: 'oneWins',
    arrange: async () => {
      const visit = await visitIn('341825');
      return {
        send: tRPC(admin, 'supervision.void', { target: 'visit', id: visit.id, reason: '重复录入' }),
        check: async () => {
          const [shown] = await visitsOf('341825');
          expect(shown).toMatchObject({ voided: true, voidReason: '重复录入' });
          expect(shown!.revisions.map((r) => r.action)).toEqual(['void']);
          expect(await audited('341825', 'supervision.void')).toHaveLength(1);
        },
      };
    },
  },

  'documents.generate': {
    // Each generation is a new version max + 1, under the lock of the unit's documents of that kind: the second
    // waits for the first and numbers after it, so two generations at once are versions 1 and 2.
    outcome: 'bothApply',
    arrange: async () => ({
      send: tRPC(admin, 'documents.generate', { kind: 'annex', unit: '3418', asOf: TODAY }),
      check: async (answers) => {
        const made = allWon<{ id: number; version: number }>(answers);
        const stored = (await admin.trpc.documents.list.query({ unit: '3418' })).filter((d) => d.kind === 'annex');
        expect(ascending(stored.map((d) => d.version))).toEqual([1, 2]);
        expect(ascending(stored.map((d) => d.id))).toEqual(ascending(made.map((d) => d.id)));
      },
    }),
  },
  'summaries.submit': {
    // Submitting a city summary stamps it again each time (the first stamp drives m5): two submissions, both listed.
    outcome: 'bothApply',
    arrange: async () => {
      const ctx = serviceContext(server.db, await currentCampaign({ db: server.db }), systemActor);
      const doc = await storeDocument(
        ctx,
        'city',
        '3413',
        TODAY,
        { fileName: '宿州市行动总结.docx', content: Buffer.from('x'), previewHtml: null },
        T0,
      );
      return {
        send: tRPC(admin, 'summaries.submit', { id: doc.id }),
        check: async () => {
          const [city] = await admin.trpc.summaries.status.query({ unit: '3413' });
          expect(city!.submissions.map((s) => [s.at, s.documentId])).toEqual([
            [T0, doc.id],
            [T0, doc.id],
          ]);
        },
      };
    },
  },

  'dispatch.issue': {
    outcome: 'bothApply',
    arrange: async () => ({
      send: tRPC(admin, 'dispatch.issue', order('341525', '公开救助热线')),
      check: async (answers) => {
        const ids = allWon<{ id: number }>(answers).map((o) => o.id);
        expect(new Set(ids).size).toBe(2);
        const orders = await admin.trpc.dispatch.list.query({ asOf: TODAY, unit: '341525' });
        const listed = [...orders].sort((a, b) => a.id - b.id);
        expect(listed.map((o) => [o.id, o.title])).toEqual(ascending(ids).map((id) => [id, '公开救助热线']));
      },
    }),
  },
  'dispatch.sign': {
    outcome: 'oneWins',
    arrange: async () => {
      const id = await issued('341621');
      return {
        send: tRPC(admin, 'dispatch.sign', { id, county: '341621' }),
        check: async () => {
          expect((await copyOf(id, '341621')).state).toBe('signed');
          expect(await copyHistory(id, '341621')).toEqual(['issue', 'sign']);
        },
      };
    },
  },
  'dispatch.feedback': {
    outcome: 'oneWins',
    arrange: async () => {
      const id = await signed('341622');
      return {
        send: tRPC(admin, 'dispatch.feedback', { id, county: '341622', text: '已补齐台账', askClose: true }),
        check: async () => {
          const copy = await copyOf(id, '341622');
          expect(copy.state).toBe('feedback');
          expect(copy.feedback.map((f) => f.text)).toEqual(['已补齐台账']);
          expect(await copyHistory(id, '341622')).toEqual(['issue', 'sign', 'feedback']);
        },
      };
    },
  },
  'dispatch.sendBack': {
    outcome: 'oneWins',
    arrange: async () => {
      const id = await fedBack('341623');
      return {
        send: tRPC(admin, 'dispatch.sendBack', { id, county: '341623', reason: '缺少村级名单' }),
        check: async () => {
          expect((await copyOf(id, '341623')).state).toBe('signed');
          expect(await copyHistory(id, '341623')).toEqual(['issue', 'sign', 'feedback', 'sendBack']);
        },
      };
    },
  },
  'dispatch.close': {
    outcome: 'oneWins',
    arrange: async () => {
      const id = await fedBack('341602');
      return {
        send: tRPC(admin, 'dispatch.close', { id, county: '341602' }),
        check: async () => {
          expect((await copyOf(id, '341602')).state).toBe('closed');
          expect(await copyHistory(id, '341602')).toEqual(['issue', 'sign', 'feedback', 'close']);
        },
      };
    },
  },
  'files.dispatch.attach': {
    // Two uploads are two pending attachments; the feedback naming both carries both.
    outcome: 'bothApply',
    arrange: async () => {
      const id = await signed('341721');
      return {
        send: () =>
          postFile(admin.cookie, `/dispatch/${id}/attachments?county=341721`, () => new Uint8Array(photoPng()), {
            'x-file-name': 'ledger.png',
          }),
        check: async (answers) => {
          const files = allWon<{ id: number }>(answers).map((f) => f.id);
          expect(new Set(files).size).toBe(2);
          await admin.trpc.dispatch.feedback.mutate({
            id,
            county: '341721',
            text: '台账见附件',
            askClose: false,
            files,
          });
          const [feedback] = (await copyOf(id, '341721')).feedback;
          expect(ascending(feedback!.files.map((f) => f.id))).toEqual(ascending(files));
        },
      };
    },
  },
  'urge.send': {
    // Each 催报 is counted (已催报 2 次).
    outcome: 'bothApply',
    arrange: async () => ({
      send: tRPC(admin, 'urge.send', { kind: 'roster', unit: '341324' }),
      check: async () => {
        const counts = await admin.trpc.urge.counts.query({ asOf: TODAY, unit: '341324' });
        expect(counts.map((c) => [c.kind, c.unit, c.count])).toEqual([['roster', '341324', 2]]);
      },
    }),
  },
  'urge.sendAll': {
    // 淮北市's four counties (杜集区, 相山区, 烈山区, 濉溪县) have no July report, due 08-05: each urged once per request.
    // No clerk account of theirs exists on this server, so no one receives the notices (recipients 0).
    outcome: 'bothApply',
    arrange: async () => ({
      send: tRPC(admin, 'urge.sendAll', { unit: '3406' }),
      check: async (answers) => {
        expect(allWon(answers)).toEqual([
          { period: '2021-07', counties: 4, recipients: 0 },
          { period: '2021-07', counties: 4, recipients: 0 },
        ]);
        const counts = await admin.trpc.urge.counts.query({ asOf: TODAY, unit: '3406' });
        const byUnit = [...counts].sort((a, b) => a.unit.localeCompare(b.unit));
        expect(byUnit.map((c) => [c.kind, c.unit, c.period, c.count])).toEqual(
          ['340602', '340603', '340604', '340621'].map((county) => ['report', county, '2021-07', 2]),
        );
      },
    }),
  },

  'documentSettings.save': {
    // The second save finds the fields already so and changes nothing: one version, each field audited once.
    outcome: 'sameEnd',
    arrange: async () => ({
      send: tRPC(admin, 'documentSettings.save', { unit: '3415', docNumber: '六民〔2021〕58号', signer: '王明' }),
      check: async () => {
        expect(await admin.trpc.documentSettings.get.query({ unit: '3415' })).toMatchObject({
          docNumber: '六民〔2021〕58号',
          signer: '王明',
          contactName: null,
        });
        const entries = await audited('3415', 'document_settings.save');
        expect(entries.map((e) => [e.field, e.oldValue, e.newValue]).sort()).toEqual([
          ['docNumber', null, '六民〔2021〕58号'],
          ['signer', null, '王明'],
        ]);
      },
    }),
  },
  'notices.markRead': {
    outcome: 'sameEnd',
    arrange: async () => {
      await issued('340321', '怀远县请补齐台账');
      const notice = (await clerk.trpc.notices.mine.query({})).find((n) => n.title === '督办单：怀远县请补齐台账')!;
      expect(notice.read).toBe(false);
      return {
        send: tRPC(clerk, 'notices.markRead', { keys: [notice.key] }),
        check: async (answers) => {
          expect(allWon(answers)).toEqual([{ marked: 1 }, { marked: 1 }]);
          const after = (await clerk.trpc.notices.mine.query({})).find((n) => n.key === notice.key)!;
          expect(after.read).toBe(true);
        },
      };
    },
  },
  'notify.savePrefs': {
    outcome: 'sameEnd',
    arrange: async () => {
      const prefs = { email: 'viewer@example.com', phone: null, choices: { urge: ['email' as const] } };
      return {
        send: tRPC(viewer, 'notify.savePrefs', prefs),
        check: async () => {
          expect(await viewer.trpc.notify.myPrefs.query()).toEqual({ ...prefs, chosen: true });
        },
      };
    },
  },
  'notify.saveChannel': {
    // The first save of a unit's channel inserts it; under the channel's lock the second finds it and updates it to
    // the same settings.
    outcome: 'sameEnd',
    arrange: async () => ({
      send: tRPC(admin, 'notify.saveChannel', {
        unit: '3416',
        kind: 'email',
        config: { host: 'smtp.example.com', from: 'notice@example.com' },
      }),
      check: async () => {
        const channels = await admin.trpc.notify.channels.query({ unit: '3416' });
        expect(channels.map((c) => [c.kind, c.config, c.enabled])).toEqual([
          ['email', { host: 'smtp.example.com', from: 'notice@example.com' }, true],
        ]);
      },
    }),
  },
  'notify.testChannel': {
    // A test message is sent each time it is asked for: the robot receives two.
    outcome: 'bothApply',
    arrange: async () => {
      await admin.trpc.notify.saveChannel.mutate({
        unit: '3417',
        kind: 'wecom',
        secrets: { webhook: `${robots.base}/wecom?key=RACE` },
      });
      const before = robots.received.length;
      return {
        send: tRPC(admin, 'notify.testChannel', { unit: '3417', kind: 'wecom' }),
        check: async () => {
          const got = robots.received.slice(before);
          expect(got.map((r) => [r.path, r.accepted])).toEqual([
            ['wecom', true],
            ['wecom', true],
          ]);
        },
      };
    },
  },
  'notify.resend': {
    outcome: 'oneWins',
    arrange: async () => {
      const channel = await admin.trpc.notify.saveChannel.mutate({
        unit: '3412',
        kind: 'email',
        config: { host: 'smtp.example.com', from: 'notice@example.com' },
      });
      // A message the worker gave up on (set up directly: no worker runs beside the test server).
      const dead = await server.db
        .insert(outbox)
        .values({
          campaignCode: 'anhui-2021',
          kind: 'urge.report',
          channelId: channel.id,
          address: 'clerk@example.com',
          dedupeKey: 'race:resend',
          subject: '催报：2021年7月月报',
          body: '请尽快报送',
          payload: '{}',
          state: 'dead',
          attempts: 5,
          nextAt: T0,
          lastError: '535 认证失败',
          createdAt: T0,
        })
        .returning({ id: outbox.id })
        .get();
      return {
        send: tRPC(admin, 'notify.resend', { id: dead.id }),
        check: async () => {
          const pending = (await admin.trpc.notify.outbox.query({ state: 'pending' })).messages;
          expect(pending.filter((m) => m.id === dead.id).map((m) => [m.state, m.attempts])).toEqual([['pending', 0]]);
          const resends = await server.db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.action, 'notify.resend'), eq(auditLog.entityId, String(dead.id))))
            .all();
          expect(resends).toHaveLength(1);
        },
      };
    },
  },

  'users.create': {
    // One username is one account: the second waits for the name's lock and finds it taken (409 用户名已存在).
    outcome: 'oneWins',
    arrange: async () => ({
      send: tRPC(admin, 'users.create', {
        username: 'race_create',
        displayName: '竞速新建',
        password: PASSWORD_1,
        role: 'county_clerk',
        scopeCode: '340102',
      }),
      check: async () => {
        expect((await userNamed('race_create')).map((u) => [u.role, u.scopeCode])).toEqual([
          ['county_clerk', '340102'],
        ]);
        expect(await audited('340102', 'user.create', 'race_create')).toHaveLength(1);
      },
    }),
  },
  'users.setDisabled': {
    // The second finds the account already disabled: nothing changes, nothing more is audited.
    outcome: 'sameEnd',
    arrange: async () => {
      const user = await newUser('race_disable', '340103');
      return {
        send: tRPC(admin, 'users.setDisabled', { userId: user.id, disabled: true }),
        check: async () => {
          expect((await userNamed('race_disable')).map((u) => u.disabled)).toEqual([true]);
          const entries = await audited('340103', 'user.disable', 'race_disable');
          expect(entries.map((e) => [e.oldValue, e.newValue])).toEqual([['false', 'true']]);
        },
      };
    },
  },
  'users.setRole': {
    outcome: 'sameEnd',
    arrange: async () => {
      const user = await newUser('race_role', '340104');
      return {
        send: tRPC(admin, 'users.setRole', { userId: user.id, role: 'city_officer', scopeCode: '3401' }),
        check: async () => {
          expect((await userNamed('race_role')).map((u) => [u.role, u.scopeCode])).toEqual([['city_officer', '3401']]);
          const entries = await audited('3401', 'user.role', 'race_role');
          expect(entries.map((e) => [e.oldValue, e.newValue])).toEqual([['county_clerk@340104', 'city_officer@3401']]);
        },
      };
    },
  },
  'users.resetPassword': {
    // Two resets to one password: the account ends with that password, to be changed at its next sign-in.
    outcome: 'sameEnd',
    arrange: async () => {
      await newUser('race_reset', '340111');
      const [user] = await userNamed('race_reset');
      return {
        send: tRPC(admin, 'users.resetPassword', { userId: user!.id, password: PASSWORD_2 }),
        check: async () => {
          const signIn = await login(server.url, 'race_reset', PASSWORD_2);
          expect(signIn.status).toBe(200);
          expect(signIn.body.user).toMatchObject({ username: 'race_reset', mustChangePassword: true });
          expect((await login(server.url, 'race_reset', PASSWORD_1)).status).toBe(401);
        },
      };
    },
  },
  'account.changePassword': {
    // The old password is the guard: once the first has changed it, the second's old password is no longer right
    // (400 原密码不正确), as when sent after the first. One change, audited once.
    outcome: 'oneWins',
    refusal: { status: 400, code: 'BAD_REQUEST' },
    arrange: async () => {
      await newUser('race_pwd', '340121');
      const { cookie } = await login(server.url, 'race_pwd', PASSWORD_1);
      return {
        send: () => mutate(cookie, 'account.changePassword', { oldPassword: PASSWORD_1, newPassword: PASSWORD_2 }),
        check: async () => {
          expect((await login(server.url, 'race_pwd', PASSWORD_2)).status).toBe(200);
          expect(await audited('340121', 'user.password_change', 'race_pwd')).toHaveLength(1);
        },
      };
    },
  },

  'files.roster.upload': {
    // Each upload is a new version of the county's roster: two uploads, two versions, the later one current.
    outcome: 'bothApply',
    arrange: async () => {
      const file = csv(await rosterFor(server.db, '341171'));
      return {
        send: () =>
          postFile(admin.cookie, '/roster?county=341171', () => new Uint8Array(file), { 'x-file-name': 'roster.csv' }),
        check: async (answers) => {
          const uploads = allWon<{ uploadId: number; rows: number }>(answers);
          // 中新苏滁高新区 has 4 villages: one row each.
          expect(uploads.map((u) => u.rows)).toEqual([4, 4]);
          const ids = ascending(uploads.map((u) => u.uploadId));
          expect(new Set(ids).size).toBe(2);
          // Read from the table: the audit leaves out an upload whose summary equals the one before (old = new).
          const stored = await server.db
            .select({ id: rosterUploads.id, rows: rosterUploads.rowCount })
            .from(rosterUploads)
            .where(eq(rosterUploads.countyCode, '341171'))
            .all();
          const byId = [...stored].sort((a, b) => a.id - b.id);
          expect(byId.map((u) => [u.id, u.rows])).toEqual(ids.map((id) => [id, 4]));
          expect((await admin.trpc.roster.current.query({ countyCode: '341171' })).upload).toMatchObject({
            id: ids[1],
            rowCount: 4,
          });
        },
      };
    },
  },
  'files.cases.upload': {
    outcome: 'bothApply',
    arrange: async () => {
      const township = (await townshipsOf({ db: server.db }, ['341372']))[0]!.code;
      const file = csv([
        ['case_id', 'kind', 'township_code', 'applied_on', 'decided_on'],
        ['R1', '低保', township, '2021-07-15', '2021-08-05'],
        ['R2', '特困', township, '2021-07-20', ''],
      ]);
      return {
        send: () =>
          postFile(admin.cookie, '/cases?county=341372', () => new Uint8Array(file), { 'x-file-name': 'cases.csv' }),
        check: async (answers) => {
          const uploads = allWon<{ uploadId: number; rows: number }>(answers);
          expect(uploads.map((u) => u.rows)).toEqual([2, 2]);
          const ids = ascending(uploads.map((u) => u.uploadId));
          expect(new Set(ids).size).toBe(2);
          const entries = await audited('341372', 'cases.upload');
          expect(ascending(entries.map((e) => Number(e.entityId)))).toEqual(ids);
        },
      };
    },
  },
};

/** The mutations of the permissions table: tRPC procedures of type mutation, and file routes taking a POST. */
function mutations(): string[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
  return Object.keys(rules)
    .filter((name) =>
      name.startsWith('files.')
        ? fileRouteList.some((r) => r.name === name && r.method === 'POST')
        : procedures[name]!._def.type === 'mutation',
    )
    .sort();
}

beforeAll(async () => {
  server = await freshServer();
  await server.setTime(T0);
  robots = await robotServer({ dingSecret: 'unused', wecomKey: 'RACE', smsKey: 'unused' });
  admin = await sessionOf(server.url, 'p_admin');
  clerk = await sessionOf(server.url, 'huaiyuan');
  viewer = await sessionOf(server.url, 'p_viewer');
});
afterAll(async () => {
  await robots?.close();
  await server?.close();
});

describe('every mutation raced twice at once', () => {
  test('every mutation of the permissions table has a race case, and every case names a mutation', () => {
    expect(mutations().length).toBeGreaterThan(30);
    expect(Object.keys(cases).sort()).toEqual(mutations());
  });

  for (const [name, c] of Object.entries(cases) as [RuleName, RaceCase][])
    test(`${name}: ${c.outcome}`, () => race(name, c));
});

describe('two different writes of one record at once', () => {
  test('销号 of an item waits for a 作废 of its visit in progress, then finds the visit void', async () => {
    const county = '341523';
    const { visit, item } = await itemIn(county);
    const ctx = serviceContext(server.db, await currentCampaign({ db: server.db }), systemActor);
    // The void runs in a transaction held open until the close has been sent and has had time to act.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let voidStarted!: () => void;
    const started = new Promise<void>((resolve) => (voidStarted = resolve));
    const voiding = withTransaction(ctx, [lockOn.visit(visit.id)], async (ctx) => {
      await voidRecord(ctx, { target: 'visit', id: visit.id, reason: '录错县区' });
      voidStarted();
      await held;
    });
    await started;
    const closing = tRPC(admin, 'supervision.closeItem', { itemId: item.id, evidence: '已补齐 9 个村的协理员' })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    release();
    await voiding;
    const close = await closing;
    expect([close.status, close.message]).toEqual([409, '该督导记录已作废，不能再修改或添加整改事项']);
    expect(await audited(county, 'supervision.close', item.id)).toHaveLength(0);
    expect(await audited(county, 'supervision.void', visit.id)).toHaveLength(1);
  });
});
