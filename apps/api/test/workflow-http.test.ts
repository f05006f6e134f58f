import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCode, sessionOf, freshServer, startServer } from './support/http';
import { augustValues, julyValues } from './support/report-values';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Server;
let clerk: Session, officer: Session, admin: Session;
const july = { countyCode: '340321', period: '2021-07' };
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

beforeAll(async () => {
  server = await freshServer();
  clerk = await sessionOf(server.url, 'huaiyuan');
  officer = await sessionOf(server.url, 'bengbu');
  admin = await sessionOf(server.url, 'p_admin');
});
afterAll(() => server.close());

describe('the monthly report workflow over HTTP', () => {
  test('draft → submit → return → edit → resubmit → approve → accept, each step by its role and remembered', async () => {
    await server.setTime(at('2021-08-02T10:00:00'));
    const saved = await clerk.trpc.reports.saveDraft.mutate({ ...july, version: 0, values: julyValues });
    expect(saved.report).toMatchObject({ state: 'draft', version: 1 });

    await server.setTime(at('2021-08-03T09:30:00'));
    expect(await clerk.trpc.reports.submit.mutate({ ...july, version: 1 })).toMatchObject({
      state: 'submitted',
      version: 2,
    });

    await server.setTime(at('2021-08-04T15:00:00'));
    await expect(officer.trpc.reports.return.mutate({ ...july, version: 2, reason: '' })).rejects.toThrow(
      '退回须填写原因',
    );
    expect(
      await officer.trpc.reports.return.mutate({ ...july, version: 2, reason: '城市低保人数与民政统计季报不一致' }),
    ).toMatchObject({ state: 'returned', version: 3 });

    const returned = (await clerk.trpc.todo.mine.query({ asOf: '2021-08-04' })).find((t) => t.kind === 'returned');
    expect(returned).toMatchObject({
      title: '2021年7月月报被退回，请修改后重新报送',
      dueOn: '2021-08-05',
      overdue: false,
      note: '城市低保人数与民政统计季报不一致',
    });

    await server.setTime(at('2021-08-05T09:00:00'));
    await clerk.trpc.reports.saveDraft.mutate({ ...july, version: 3, values: { t01_dibao_urban: '1250' } });
    expect(await clerk.trpc.reports.submit.mutate({ ...july, version: 4 })).toMatchObject({
      state: 'submitted',
      version: 5,
    });

    await server.setTime(at('2021-08-06T11:00:00'));
    expect(await officer.trpc.reports.approve.mutate({ ...july, version: 5 })).toMatchObject({ state: 'approved' });
    await expect(officer.trpc.reports.accept.mutate({ ...july, version: 6 })).rejects.toThrow('当前角色无权执行此操作');
    await server.setTime(at('2021-08-08T10:00:00'));
    expect(await admin.trpc.reports.accept.mutate({ ...july, version: 6 })).toMatchObject({
      state: 'accepted',
      version: 7,
    });

    const detail = await clerk.trpc.reports.get.query(july);
    expect(detail).toMatchObject({
      state: 'accepted',
      editsAfterSubmit: 1,
      firstSubmittedAt: at('2021-08-03T09:30:00'),
      dueOn: '2021-08-05',
    });
    expect(detail.history.map((e) => e.action)).toEqual([
      'create',
      'save',
      'submit',
      'return',
      'save',
      'submit',
      'approve',
      'accept',
    ]);
    expect(detail.history.find((e) => e.action === 'return')).toMatchObject({
      actor: 'bengbu',
      reason: '城市低保人数与民政统计季报不一致',
      at: at('2021-08-04T15:00:00'),
    });
  });

  test('an accepted report is read-only to the clerk', async () => {
    const error = await clerk.trpc.reports.saveDraft
      .mutate({ ...july, version: 7, values: { t01_tekun: '1' } })
      .catch((e: unknown) => e);
    expect(errorCode(error)).toBe('CONFLICT');
    expect((error as Error).message).toBe('月报当前状态为“省级已确认”，不能修改（已报送的月报须由市级退回后修改）');
  });

  test('a stale save is refused with a Chinese message and overwrites nothing', async () => {
    const august = { countyCode: '340321', period: '2021-08' };
    await server.setTime(at('2021-09-02T10:00:00'));
    await clerk.trpc.reports.saveDraft.mutate({
      ...august,
      version: 0,
      values: { ...augustValues, t01_tekun: '2600' },
    });
    const stale = await clerk.trpc.reports.saveDraft
      .mutate({ ...august, version: 0, values: { t01_tekun: '9999' } })
      .catch((e: unknown) => e);
    expect(errorCode(stale)).toBe('CONFLICT');
    expect((stale as Error).message).toContain('该月报已被更新（当前版本 1，您编辑的是版本 0）');
    expect((await clerk.trpc.reports.get.query(august)).values.t01_tekun).toBe('2600');
  });

  test('a value breaking a rule is refused as BAD_REQUEST naming the field', async () => {
    const august = { countyCode: '340321', period: '2021-08' };
    const bad = await clerk.trpc.reports.saveDraft
      .mutate({ ...august, version: 1, values: { t01_tekun: '二十' } })
      .catch((e: unknown) => e);
    expect(errorCode(bad)).toBe('BAD_REQUEST');
    expect((bad as Error).message).toBe('t01_tekun（特困人员人数）：应为非负整数，实际为“二十”');
  });

  test('status.at before the resubmission sees the first figures, after it the corrected ones', async () => {
    const valueOn = async (asOf: string) =>
      (await admin.trpc.status.at.query({ asOf, unit: '340321' })).counties[0]!.indicators.t01_dibao_urban!.value;
    expect(await valueOn('2021-08-04')).toBe(1200);
    expect(await valueOn('2021-08-05')).toBe(1250);
    expect(await valueOn('2021-08-02')).toBeNull();
  });

  test('the audit history names who changed what, when, old → new', async () => {
    const history = await officer.trpc.audit.history.query({
      unit: '340321',
      period: '2021-07',
      indicator: 't01_dibao_urban',
    });
    expect(history.map((h) => [h.actor, h.at, h.oldValue, h.newValue])).toEqual([
      ['huaiyuan', at('2021-08-05T09:00:00'), '1200', '1250'],
      ['huaiyuan', at('2021-08-02T10:00:00'), null, '1200'],
    ]);
  });

  test('notices reach the city on submission and the clerk on return and approval', async () => {
    const officerNotices = await officer.trpc.notices.mine.query({ asOf: '2021-08-10' });
    expect(officerNotices.filter((n) => n.kind === 'report.submitted').map((n) => n.title)).toEqual([
      '怀远县2021年7月月报已报送',
      '怀远县2021年7月月报已报送',
    ]);
    const clerkNotices = await clerk.trpc.notices.mine.query({ asOf: '2021-08-10' });
    expect(clerkNotices.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['report.return', 'report.approve', 'report.accept']),
    );
    const returned = clerkNotices.find((n) => n.kind === 'report.return')!;
    expect(returned.title).toBe('2021年7月月报已退回');
    // The title says what happened, the body who and why: neither repeats the other.
    expect(returned.body).toBe('bengbu退回，理由：城市低保人数与民政统计季报不一致。请修改后重新报送。');
    await clerk.trpc.notices.markRead.mutate({ keys: [returned.key] });
    // Read on the clock's day (09-02): unread as of 08-10, read from then on.
    expect((await clerk.trpc.notices.mine.query({})).find((n) => n.key === returned.key)?.read).toBe(true);
    expect(
      (await clerk.trpc.notices.mine.query({ asOf: '2021-08-10' })).find((n) => n.key === returned.key)?.read,
    ).toBe(false);
  });

  test('three days before a due date and the day after it the clerk is reminded', async () => {
    const titles = async (asOf: string) =>
      (await clerk.trpc.notices.mine.query({ asOf })).filter((n) => n.kind.startsWith('reminder')).map((n) => n.title);
    expect(await titles('2021-09-01')).toEqual([]);
    expect(await titles('2021-09-02')).toEqual(['2021年8月月报将于2021年9月5日截止']);
    await server.setTime(at('2021-09-06T09:00:00'));
    expect(await titles('2021-09-06')).toEqual(['2021年8月月报已逾期']);
  });

  test('the to-do list tells the clerk what is due and overdue, and the officer what to review', async () => {
    const todo = await clerk.trpc.todo.mine.query({ asOf: '2021-09-06' });
    expect(todo.map((t) => [t.title, t.dueOn, t.overdue])).toEqual([
      ['上传村级台账', '2021-08-05', true],
      ['填报并报送2021年8月月报', '2021-09-05', true],
    ]);
    await server.setTime(at('2021-09-06T10:00:00'));
    await clerk.trpc.reports.submit.mutate({ countyCode: '340321', period: '2021-08', version: 1 });
    expect((await officer.trpc.todo.mine.query({ asOf: '2021-09-06' })).map((t) => t.title)).toEqual([
      '审核怀远县2021年8月月报',
    ]);
  });

  test('a return reason typed with its own full stop is told once, with one full stop, in the notice and the to-do', async () => {
    await server.setTime(at('2021-09-07T10:00:00'));
    const reason = '台账人数与报表不符，请核实。';
    await officer.trpc.reports.return.mutate({ countyCode: '340321', period: '2021-08', version: 2, reason });
    const notice = (await clerk.trpc.notices.mine.query({ asOf: '2021-09-07' })).find(
      (n) => n.kind === 'report.return' && n.title === '2021年8月月报已退回',
    )!;
    expect(notice.body).toBe('bengbu退回，理由：台账人数与报表不符，请核实。请修改后重新报送。');
    const todo = (await clerk.trpc.todo.mine.query({ asOf: '2021-09-07' })).find(
      (t) => t.kind === 'returned' && t.title.startsWith('2021年8月'),
    )!;
    expect(todo.title).toBe('2021年8月月报被退回，请修改后重新报送');
    for (const text of [notice.title, notice.body, todo.title, todo.note ?? '']) {
      expect(text).not.toContain('。。');
      expect(text.split('台账人数与报表不符').length - 1).toBeLessThanOrEqual(1);
    }
    expect(`${notice.body}${todo.note}`.split('台账人数与报表不符').length - 1).toBe(2);
  });
});
