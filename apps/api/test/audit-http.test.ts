import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, users } from '@dudao/schema/tables';
import { login, PASSWORD, sessionOf, freshServer, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;

beforeAll(async () => {
  server = await freshServer();
});
afterAll(() => server.close());

const entries = (action: string) => server.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('every write is audited: who, when, old → new', () => {
  test('supervision: a visit, a rectification item and its 销号', async () => {
    const officer = await sessionOf(server.url, 'bengbu');
    await server.setTime('2021-11-12T02:00:00.000Z');
    const visit = await officer.trpc.supervision.recordVisit.mutate({
      countyCode: '340321',
      visitedOn: '2021-11-12',
      byLevel: 'province',
      visitors: '市民政局社会救助科 王某等2人',
      findings: '3个村未配备协理员',
    });
    expect(visit.byLevel).toBe('city');
    const item = await officer.trpc.supervision.addItem.mutate({
      visitId: visit.id,
      description: '补齐3个村协理员',
      owner: '怀远县民政局',
      dueOn: '2021-12-10',
    });
    await expect(officer.trpc.supervision.closeItem.mutate({ itemId: item.id, evidence: '' })).rejects.toThrow(
      '销号须填写整改佐证',
    );
    await server.setTime('2021-12-01T02:00:00.000Z');
    const closed = await officer.trpc.supervision.closeItem.mutate({
      itemId: item.id,
      evidence: '3个村已选聘协理员，聘用文件已存档',
    });
    expect(closed).toMatchObject({ status: 'done', closedAt: '2021-12-01T02:00:00.000Z' });
    expect(await entries('supervision.visit')).toEqual([
      expect.objectContaining({
        actor: 'bengbu',
        at: '2021-11-12T02:00:00.000Z',
        unitCode: '340321',
        newValue: '2021-11-12',
      }),
    ]);
    expect(await entries('supervision.item')).toEqual([expect.objectContaining({ actor: 'bengbu', newValue: 'open' })]);
    expect(await entries('supervision.close')).toEqual([
      expect.objectContaining({ actor: 'bengbu', at: '2021-12-01T02:00:00.000Z', oldValue: 'open', newValue: 'done' }),
    ]);
  });

  test('users: creation, role change, disabling, password reset and change', async () => {
    const admin = await sessionOf(server.url, 'p_admin');
    const created = await admin.trpc.users.create.mutate({
      username: 'wuhe',
      displayName: '五河县民政局',
      password: 'first-pass-2021',
      role: 'county_clerk',
      scopeCode: '340322',
    });
    await expect(
      admin.trpc.users.create.mutate({
        username: 'wuhe2',
        displayName: 'x',
        password: 'first-pass-2021',
        role: 'county_clerk',
        scopeCode: '3403',
      }),
    ).rejects.toThrow('角色 county_clerk 的管辖范围应为县级单位代码，3403 不符合');
    await admin.trpc.users.setRole.mutate({ userId: created.id, role: 'city_officer', scopeCode: '3403' });
    await admin.trpc.users.resetPassword.mutate({ userId: created.id, password: 'second-pass-2021' });
    const wuhe = await sessionOf(server.url, 'wuhe').catch(() => null);
    expect(wuhe).not.toBeNull();
    expect((await login(server.url, 'wuhe', 'second-pass-2021')).status).toBe(200);
    const self = await sessionOf(server.url, 'huaiyuan');
    await expect(
      self.trpc.account.changePassword.mutate({ oldPassword: 'wrong', newPassword: 'new-pass-2021' }),
    ).rejects.toThrow('原密码不正确');
    await self.trpc.account.changePassword.mutate({ oldPassword: PASSWORD, newPassword: 'new-pass-2021' });
    await admin.trpc.users.setDisabled.mutate({ userId: created.id, disabled: true });
    expect((await login(server.url, 'wuhe', 'second-pass-2021')).status).toBe(401);

    expect((await entries('user.create')).find((e) => e.entityId === 'wuhe')).toMatchObject({
      actor: 'p_admin',
      newValue: 'county_clerk',
    });
    expect(await entries('user.role')).toEqual([
      expect.objectContaining({ entityId: 'wuhe', oldValue: 'county_clerk@340322', newValue: 'city_officer@3403' }),
    ]);
    expect(await entries('user.password_reset')).toEqual([
      expect.objectContaining({ entityId: 'wuhe', actor: 'p_admin' }),
    ]);
    expect(await entries('user.password_change')).toEqual([
      expect.objectContaining({ entityId: 'huaiyuan', actor: 'huaiyuan' }),
    ]);
    expect(await entries('user.disable')).toEqual([
      expect.objectContaining({ entityId: 'wuhe', oldValue: 'false', newValue: 'true' }),
    ]);
    expect((await server.db.select().from(users).where(eq(users.username, 'wuhe')).get())?.passwordHash).toMatch(
      /^scrypt\$16384\$8\$1\$/,
    );
  });

  test('the database refuses to rewrite or erase the audit log and report history', async () => {
    // The guards are the engine's own triggers (SQLite's RAISE(ABORT), PostgreSQL's PL/pgSQL raise): both say the same.
    const refusal = async (statement: ReturnType<typeof sql>) => {
      try {
        await server.db.run(statement);
        return 'accepted';
      } catch (e) {
        return String((e as Error & { cause?: Error }).cause?.message ?? e);
      }
    };
    expect(await refusal(sql`update audit_log set new_value = 'x'`)).toBe('audit_log is append-only');
    expect(await refusal(sql`delete from audit_log`)).toBe('audit_log is append-only');
    // Each engine names its guards: SQLite one trigger per statement kind, PostgreSQL one per table for both kinds.
    const guarded = (
      await server.db.all<[string]>(
        server.kind === 'postgres'
          ? sql`select tgname from pg_trigger where not tgisinternal order by tgname`
          : sql`select name from sqlite_master where type = 'trigger' order by name`,
      )
    ).map(([name]) => name);
    const expected =
      server.kind === 'postgres'
        ? [
            'report_events_append_only',
            'report_values_append_only',
            'submission_values_no_update',
            'roster_rows_no_update',
          ]
        : [
            'report_events_no_delete',
            'report_events_no_update',
            'report_values_no_delete',
            'report_values_no_update',
            'submission_values_no_update',
            'roster_rows_no_update',
          ];
    expect(guarded).toEqual(expect.arrayContaining(expected));
  });
});
