import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { auditLog } from '@dudao/schema/tables';
import { systemActor } from '../src/services/actor';
import { serviceContext } from '../src/services/context';
import { createUser } from '../src/services/users/accounts';
import { errorCode, freshServer, PASSWORD, sessionOf, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Server;
let admin: Session, bengbu: Session, huaiyuan: Session, wuhe: Session, hefeiClerk: Session;
let orderId: number;

// Beijing 10:00 on a day, as the clock of the server
const at = (day: string) => `${day}T02:00:00.000Z`;
const HUAIYUAN = '340321';
const WUHE = '340322';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function copiesAt(s: Session, asOf: string) {
  const [order] = (await s.trpc.dispatch.list.query({ asOf })).filter((o) => o.id === orderId);
  return Object.fromEntries((order?.copies ?? []).map((c) => [c.county, c]));
}

beforeAll(async () => {
  server = await freshServer();
  for (const [username, scopeCode] of [
    ['wuhe', WUHE],
    ['yaohai', '340102'],
  ] as const) {
    await createUser(
      serviceContext(server.db, builtinCampaign('anhui-2021'), systemActor),
      { username, role: 'county_clerk', scopeCode, displayName: username, password: PASSWORD },
      '2021-07-01T00:00:00.000Z',
    );
  }
  admin = await sessionOf(server.url, 'p_admin');
  bengbu = await sessionOf(server.url, 'bengbu');
  huaiyuan = await sessionOf(server.url, 'huaiyuan');
  wuhe = await sessionOf(server.url, 'wuhe');
  hefeiClerk = await sessionOf(server.url, 'yaohai');
});
afterAll(() => server.close());

describe('dispatch order story (蚌埠 → 怀远县, 五河县), deadline Tue 2021-10-12 across 国庆', () => {
  test('bad input is refused with the field named and nothing is written', async () => {
    await server.setTime(at('2021-09-28'));
    const base = {
      counties: [HUAIYUAN],
      title: '补齐协理员',
      matter: '请于期限内补齐村级协理员',
      level: 'key' as const,
    };
    await expect(bengbu.trpc.dispatch.issue.mutate({ ...base, deadline: '2022-01-10' })).rejects.toThrow(
      /^办理期限：2022年1月10日不在行动期内/,
    );
    await expect(bengbu.trpc.dispatch.issue.mutate({ ...base, deadline: '2021-09-28' })).rejects.toThrow(
      '办理期限：2021年9月28日至少应在下发日2021年9月28日之后一个工作日',
    );
    await expect(
      bengbu.trpc.dispatch.issue.mutate({ ...base, deadline: '2021-10-12', links: [{ indicator: 'nope' }] }),
    ).rejects.toThrow('关联指标：所选指标不是本活动的指标');
    await expect(
      bengbu.trpc.dispatch.issue.mutate({ ...base, counties: ['340102'], deadline: '2021-10-12' }),
    ).rejects.toSatisfy((e) => errorCode(e) === 'FORBIDDEN');
    expect(await bengbu.trpc.dispatch.list.query({ asOf: '2021-09-28' })).toEqual([]);
  });

  test('issue on 09-28 with a linked indicator quoted, the clerks notified', async () => {
    ({ id: orderId } = await bengbu.trpc.dispatch.issue.mutate({
      counties: [HUAIYUAN, WUHE],
      title: '补齐村级社会救助协理员',
      matter: '请于期限内补齐村级协理员并更新台账',
      level: 'key',
      deadline: '2021-10-12',
      links: [{ indicator: 't10_coordinator_coverage' }],
    }));
    const order = await bengbu.trpc.dispatch.get.query({ id: orderId, asOf: '2021-09-28' });
    expect(order.copies.map((c) => [c.county, c.state, c.light, c.remaining])).toEqual([
      [HUAIYUAN, 'issued', 'green', 6], // 09-29, 09-30, 10-08, 10-09 (调休), 10-11, 10-12
      [WUHE, 'issued', 'green', 6],
    ]);
    expect(order.quotes.map((q) => [q.county, q.kind, q.kind === 'indicator' ? q.name : ''])).toEqual([
      [HUAIYUAN, 'indicator', '村级社会救助协理员配备率'],
      [WUHE, 'indicator', '村级社会救助协理员配备率'],
    ]);
    const notices = await huaiyuan.trpc.notices.mine.query({ asOf: '2021-09-28' });
    expect(notices.filter((n) => n.kind === 'dispatch.issued').map((n) => [n.title, n.body])).toEqual([
      ['督办单：补齐村级社会救助协理员', '请在 2 个工作日内签收，并于2021年10月12日前反馈办理情况。'],
    ]);
    const todo = await huaiyuan.trpc.todo.mine.query({ asOf: '2021-09-28' });
    expect(todo.filter((t) => t.kind === 'dispatch').map((t) => [t.title, t.dueOn])).toEqual([
      ['签收督办单：补齐村级社会救助协理员', '2021-10-12'],
    ]);
  });

  test('another city’s clerk is refused; a clerk sees only its own copy', async () => {
    await expect(hefeiClerk.trpc.dispatch.sign.mutate({ id: orderId, county: HUAIYUAN })).rejects.toSatisfy(
      (e) => errorCode(e) === 'FORBIDDEN',
    );
    // Another county's order reads as one that does not exist (no probing of ids).
    await expect(hefeiClerk.trpc.dispatch.get.query({ id: orderId })).rejects.toSatisfy(
      (e) => errorCode(e) === 'NOT_FOUND',
    );
    expect(await hefeiClerk.trpc.dispatch.list.query({ asOf: '2021-09-28' })).toEqual([]);
    await expect(
      wuhe.trpc.dispatch.feedback.mutate({ id: orderId, county: HUAIYUAN, text: '代为反馈', askClose: false }),
    ).rejects.toSatisfy((e) => errorCode(e) === 'FORBIDDEN');
    const mine = await wuhe.trpc.dispatch.get.query({ id: orderId, asOf: '2021-09-28' });
    expect(mine.copies.map((c) => c.county)).toEqual([WUHE]);
  });

  test('怀远: sign → feedback with a file → sent back → feedback → closed on the deadline', async () => {
    await server.setTime(at('2021-09-29'));
    await huaiyuan.trpc.dispatch.sign.mutate({ id: orderId, county: HUAIYUAN });
    await expect(huaiyuan.trpc.dispatch.sign.mutate({ id: orderId, county: HUAIYUAN })).rejects.toSatisfy(
      (e) => errorCode(e) === 'CONFLICT',
    );
    await server.setTime(at('2021-09-30'));
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), '花名册.png');
    const upload = await fetch(`${server.url}/files/dispatch/${orderId}/attachments?county=${HUAIYUAN}`, {
      method: 'POST',
      headers: { cookie: huaiyuan.cookie },
      body: form,
    });
    expect(upload.status).toBe(200);
    const file = (await upload.json()) as { id: number };
    // A file that is not this order's pending upload is refused as 附件, never by the field's code.
    const stray = await huaiyuan.trpc.dispatch.feedback
      .mutate({ id: orderId, county: HUAIYUAN, text: '已补配协理员 5 名', askClose: true, files: [file.id + 1000] })
      .catch((e: unknown) => e);
    expect(errorCode(stray)).toBe('BAD_REQUEST');
    expect((stray as Error).message).toBe('附件：1 个所选附件不是本督办单待提交的附件，请重新上传');
    await huaiyuan.trpc.dispatch.feedback.mutate({
      id: orderId,
      county: HUAIYUAN,
      text: '已补配协理员 5 名',
      askClose: true,
      files: [file.id],
    });
    const review = await bengbu.trpc.todo.mine.query({ asOf: '2021-09-30' });
    expect(review.filter((t) => t.kind === 'dispatch').map((t) => t.title)).toEqual([
      '复核怀远县对督办单“补齐村级社会救助协理员”的反馈',
    ]);
    await server.setTime(at('2021-10-08'));
    await expect(huaiyuan.trpc.dispatch.close.mutate({ id: orderId, county: HUAIYUAN })).rejects.toSatisfy(
      (e) => errorCode(e) === 'FORBIDDEN',
    );
    await bengbu.trpc.dispatch.sendBack.mutate({ id: orderId, county: HUAIYUAN, reason: '缺少花名册扫描件' });
    await server.setTime(at('2021-10-11'));
    await huaiyuan.trpc.dispatch.feedback.mutate({
      id: orderId,
      county: HUAIYUAN,
      text: '已补传花名册',
      askClose: true,
    });
    await server.setTime(at('2021-10-12'));
    await bengbu.trpc.dispatch.close.mutate({ id: orderId, county: HUAIYUAN });

    const download = await fetch(`${server.url}/files/dispatch-files/${file.id}`, {
      headers: { cookie: bengbu.cookie },
    });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
    const now = (await copiesAt(bengbu, '2021-10-12'))[HUAIYUAN]!;
    expect([now.state, now.light, now.overdue, now.statusText]).toEqual(['closed', 'closed', false, '按期办结']);
    expect(now.feedback.map((f) => [f.text, f.files.map((x) => x.name)])).toEqual([
      ['已补配协理员 5 名', ['花名册.png']],
      ['已补传花名册', []],
    ]);
  });

  test('怀远 replayed: each day shows the state and light it had then', async () => {
    const expected: [string, string, string][] = [
      ['2021-09-28', 'issued', 'green'],
      ['2021-09-29', 'signed', 'green'],
      ['2021-09-30', 'feedback', 'green'], // 10-08, 10-09, 10-11, 10-12 left
      ['2021-10-07', 'feedback', 'green'], // the holiday week leaves 4 (plain weekdays would say 3)
      ['2021-10-08', 'signed', 'yellow'], // sent back; 3 left
      ['2021-10-11', 'feedback', 'yellow'],
      ['2021-10-12', 'closed', 'closed'],
    ];
    for (const [day, state, light] of expected) {
      const c = (await copiesAt(bengbu, day))[HUAIYUAN]!;
      expect([day, c.state, c.light]).toEqual([day, state, light]);
    }
    expect((await copiesAt(bengbu, '2021-10-08'))[HUAIYUAN]!.lastReason).toBe('缺少花名册扫描件');
    expect((await copiesAt(bengbu, '2021-09-30'))[HUAIYUAN]!.feedback).toHaveLength(1);
  });

  test('五河: 逾期未签收 from the third working day, red after the deadline, then 逾期办结', async () => {
    expect((await copiesAt(bengbu, '2021-10-07'))[WUHE]!.lateSigning).toBe(false); // 09-29, 09-30 only
    const late = (await copiesAt(bengbu, '2021-10-08'))[WUHE]!;
    expect([late.state, late.lateSigning, late.statusText]).toEqual(['issued', true, '逾期未签收（剩 3 个工作日）']);
    await server.setTime(at('2021-10-09'));
    await wuhe.trpc.dispatch.sign.mutate({ id: orderId, county: WUHE });
    await server.setTime(at('2021-10-13'));
    await wuhe.trpc.dispatch.feedback.mutate({ id: orderId, county: WUHE, text: '已补配 3 名', askClose: true });
    const red = (await copiesAt(bengbu, '2021-10-13'))[WUHE]!;
    expect([red.state, red.light, red.remaining]).toEqual(['feedback', 'red', null]);
    expect((await bengbu.trpc.dispatch.summary.query({ asOf: '2021-10-13' })).counts).toEqual({
      issued: 2,
      closedOnTime: 1,
      overdue: 1,
      redNow: 1,
      lateSigning: 0,
    });
    await server.setTime(at('2021-10-14'));
    await admin.trpc.dispatch.close.mutate({ id: orderId, county: WUHE });
    const closed = (await copiesAt(bengbu, '2021-10-14'))[WUHE]!;
    expect([closed.state, closed.overdue, closed.statusText]).toEqual(['closed', true, '逾期办结']);
    const summary = await admin.trpc.dispatch.summary.query({ asOf: '2021-10-14', unit: '3403' });
    expect(summary.counts).toEqual({ issued: 2, closedOnTime: 1, overdue: 1, redNow: 0, lateSigning: 0 });
    expect(summary.lines[0]).toBe('累计下发督办单2件次，按期办结1件次，逾期1件次。');
  });

  test('attachments: wrong type refused, another city refused', async () => {
    const upload = (cookie: string, name: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      return fetch(`${server.url}/files/dispatch/${orderId}/attachments?county=${HUAIYUAN}`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
    };
    const exe = await upload(huaiyuan.cookie, '照片.png', Buffer.from('MZ-not-an-image'));
    expect([exe.status, ((await exe.json()) as { error: string }).error]).toEqual([
      400,
      '附件 照片.png：文件内容与扩展名 .png 不符',
    ]);
    expect((await upload(huaiyuan.cookie, 'a.exe', PNG)).status).toBe(400);
    expect((await upload(hefeiClerk.cookie, 'a.png', PNG)).status).toBe(403);
  });
});

// Runs after the story above: it needs its rows.
describe('history', () => {
  test('dispatch events and urges are append-only in the database itself', async () => {
    // Each engine's own trigger refuses (SQLite's RAISE(ABORT), PostgreSQL's PL/pgSQL raise), with the same message.
    const attempt = async (query: ReturnType<typeof sql>) => {
      try {
        await server.db.run(query);
        return 'written';
      } catch (e) {
        return String((e as Error).cause ?? e);
      }
    };
    expect(await attempt(sql`update dispatch_events set text = 'x'`)).toMatch(/dispatch_events is append-only/);
    expect(await attempt(sql`delete from dispatch_orders`)).toMatch(/dispatch_orders is append-only/);
    expect(await attempt(sql`update dispatch_files set event_id = null`)).toMatch(/dispatch_files is append-only/);
  });

  test('every step is in the audit log with the old and new state', async () => {
    const rows = await server.db
      .select({ action: auditLog.action, oldValue: auditLog.oldValue, newValue: auditLog.newValue })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'dispatch_order'), eq(auditLog.unitCode, '340321')))
      .orderBy(asc(auditLog.id))
      .all();
    expect(rows.map((r) => `${r.action}:${r.oldValue ?? ''}→${r.newValue}`)).toEqual([
      'dispatch.issue:→issued',
      'dispatch.sign:issued→signed',
      'dispatch.feedback:signed→feedback',
      'dispatch.sendBack:feedback→signed',
      'dispatch.feedback:signed→feedback',
      'dispatch.close:feedback→closed',
    ]);
  });
});

describe('urging', () => {
  test('催报 a missing report twice: the county clerks get two notices, the count reads 2', async () => {
    await server.setTime(at('2021-10-20'));
    await bengbu.trpc.urge.send.mutate({ kind: 'report', unit: HUAIYUAN, period: '2021-09' });
    await server.setTime(at('2021-10-21'));
    const second = await bengbu.trpc.urge.send.mutate({ kind: 'report', unit: HUAIYUAN, period: '2021-09' });
    expect(second.recipients).toBe(1);
    const notices = await huaiyuan.trpc.notices.mine.query({ asOf: '2021-10-21' });
    expect(notices.filter((n) => n.kind === 'urge.report')).toHaveLength(2);
    expect(
      (await wuhe.trpc.notices.mine.query({ asOf: '2021-10-21' })).filter((n) => n.kind === 'urge.report'),
    ).toHaveLength(0);
    const counts = await bengbu.trpc.urge.counts.query({ asOf: '2021-10-21' });
    expect(counts.map((c) => [c.kind, c.unit, c.period, c.count])).toEqual([['report', HUAIYUAN, '2021-09', 2]]);
    expect((await bengbu.trpc.urge.counts.query({ asOf: '2021-10-20' }))[0]!.count).toBe(1);
  });

  test('the province urges a city summary: the city officers get it; a city cannot urge itself or another city', async () => {
    await server.setTime(at('2021-12-16'));
    await admin.trpc.urge.send.mutate({ kind: 'summary', unit: '3403' });
    const urged = (await bengbu.trpc.notices.mine.query({ asOf: '2021-12-16' })).filter(
      (n) => n.kind === 'urge.summary',
    );
    expect(urged.map((n) => n.body)).toEqual(['p_admin催报市级行动总结，截止日期为2021年12月15日。']);
    await expect(bengbu.trpc.urge.send.mutate({ kind: 'summary', unit: '3403' })).rejects.toSatisfy(
      (e) => errorCode(e) === 'FORBIDDEN',
    );
    await expect(bengbu.trpc.urge.send.mutate({ kind: 'roster', unit: '340102' })).rejects.toSatisfy(
      (e) => errorCode(e) === 'FORBIDDEN',
    );
    await expect(huaiyuan.trpc.urge.send.mutate({ kind: 'roster', unit: HUAIYUAN })).rejects.toSatisfy(
      (e) => errorCode(e) === 'FORBIDDEN',
    );
  });

  test('催办 a closed order is refused; a report urge needs its month', async () => {
    await expect(bengbu.trpc.urge.send.mutate({ kind: 'dispatch', unit: HUAIYUAN, id: orderId })).rejects.toSatisfy(
      (e) => errorCode(e) === 'CONFLICT',
    );
    await expect(bengbu.trpc.urge.send.mutate({ kind: 'report', unit: HUAIYUAN })).rejects.toThrow(
      '报送期：催报月报须指定行动期内的报送期',
    );
    await expect(server.db.run(sql`delete from urges`)).rejects.toThrow(
      expect.objectContaining({ cause: expect.objectContaining({ message: 'urges is append-only' }) }),
    );
  });
});
