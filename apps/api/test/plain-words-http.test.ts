import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoPassword } from '../src/services/users/demo-accounts';
import { freshServer, login, PASSWORD, sessionOf, trpcAs } from './support/http';

let server: Awaited<ReturnType<typeof freshServer>>;
beforeAll(async () => {
  server = await freshServer();
});
afterAll(() => server.close());

async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('messages name a form field as the form does, never by its code', () => {
  test('a weak or unchanged new password is refused as 新密码, not newPassword', async () => {
    const clerk = await sessionOf(server.url, 'huaiyuan');
    const weak = await messageOf(clerk.trpc.account.changePassword.mutate({ oldPassword: PASSWORD, newPassword: 'x' }));
    expect(weak).toMatch(/^新密码：/);
    expect(weak).not.toContain('newPassword');
    const same = await messageOf(
      clerk.trpc.account.changePassword.mutate({ oldPassword: PASSWORD, newPassword: PASSWORD }),
    );
    expect(same).toBe('新密码：不能与原密码相同');
  });

  test('a 督办单 deadline outside the campaign is refused as 办理期限, with no (deadline)', async () => {
    await server.setTime('2021-09-28T02:00:00.000Z');
    const officer = await sessionOf(server.url, 'bengbu');
    const message = await messageOf(
      officer.trpc.dispatch.issue.mutate({
        counties: ['340321'],
        title: '补齐协理员',
        matter: '请于期限内补齐村级协理员',
        level: 'key',
        deadline: '2022-01-10',
      }),
    );
    expect(message).toBe('办理期限：2022年1月10日不在行动期内（2021年7月1日至2021年12月31日）');
  });
});

/** No field code in a message: neither in brackets (（phone）) nor as its subject (password：). */
function plain(message: string): string {
  expect(message).not.toMatch(/（[A-Za-z]+）|\([A-Za-z]{2,}\)/);
  expect(message).not.toMatch(/^[A-Za-z]+：/);
  return message;
}

describe('every refusal of a form names its field in Chinese', () => {
  test('a new password equal to the username or the public demo password is refused as 新密码, an admin’s as 密码', async () => {
    const admin = await sessionOf(server.url, 'p_admin');
    const created = {
      username: 'wang.wu.2021',
      displayName: '王五',
      role: 'county_clerk' as const,
      scopeCode: '340321',
    };
    expect(plain(await messageOf(admin.trpc.users.create.mutate({ ...created, password: 'Wang.Wu.2021' })))).toBe(
      '密码：不能与用户名相同',
    );
    expect(plain(await messageOf(admin.trpc.users.create.mutate({ ...created, password: 'short' })))).toMatch(
      /^密码：密码至少 8 位/,
    );
    await admin.trpc.users.create.mutate({ ...created, password: 'Init#2021ab' });
    const { cookie } = await login(server.url, 'wang.wu.2021', 'Init#2021ab');
    const wang = trpcAs(server.url, cookie);
    const change = (newPassword: string) =>
      messageOf(wang.account.changePassword.mutate({ oldPassword: 'Init#2021ab', newPassword }));
    expect(plain(await change('Wang.Wu.2021'))).toBe('新密码：不能与用户名相同');
    expect(plain(await change(demoPassword))).toBe('新密码：不能使用公开的演示密码');
  });

  test('通知设置: a missing or malformed phone or e-mail is named 手机号 / 电子邮箱', async () => {
    const clerk = await sessionOf(server.url, 'huaiyuan');
    const { groups } = await clerk.trpc.notify.kinds.query();
    const urge = groups.find((g) => g.code === 'urge')!.name;
    type Prefs = Parameters<typeof clerk.trpc.notify.savePrefs.mutate>[0];
    const save = (prefs: Partial<Prefs> & Pick<Prefs, 'choices'>) =>
      messageOf(clerk.trpc.notify.savePrefs.mutate({ email: null, phone: null, ...prefs }));
    expect(plain(await save({ choices: { urge: ['sms'] } }))).toBe(`手机号：未填写（选择了用短信接收“${urge}”）`);
    expect(plain(await save({ choices: { urge: ['email'] } }))).toBe(
      `电子邮箱：未填写（选择了用电子邮件接收“${urge}”）`,
    );
    expect(plain(await save({ phone: '12345', choices: {} }))).toBe('手机号：应为 11 位数字');
    expect(plain(await save({ email: 'no-at-sign', choices: {} }))).toBe('电子邮箱：格式无效');
  });

  test('通知渠道: a bad webhook, port or unit is named as the form labels it', async () => {
    const admin = await sessionOf(server.url, 'p_admin');
    const webhook = await messageOf(
      admin.trpc.notify.saveChannel.mutate({ unit: '3403', kind: 'dingtalk', secrets: { webhook: 'ftp://robot' } }),
    );
    expect(plain(webhook)).toBe('钉钉群机器人：Webhook 地址应为 http(s) 地址');
    const port = await messageOf(
      admin.trpc.notify.saveChannel.mutate({
        unit: '3403',
        kind: 'email',
        config: { host: 'smtp.example.gov.cn', from: 'dudao@example.gov.cn', port: 70000 },
      }),
    );
    expect(plain(port)).toBe('电子邮件：端口应在 1–65535 之间');
    const unit = await messageOf(
      admin.trpc.notify.saveChannel.mutate({ unit: '3499', kind: 'wecom', secrets: { webhook: 'https://x.test/' } }),
    );
    expect(plain(unit)).toBe('单位代码：3499 不存在');
  });

  test('一键催报 of a county is refused in words', async () => {
    const officer = await sessionOf(server.url, 'bengbu');
    expect(plain(await messageOf(officer.trpc.urge.sendAll.mutate({ unit: '340321' })))).toBe(
      '单位：一键催报只能针对一个市或全省',
    );
  });

  test('the clock moved back is refused with both times in words, not ISO instants', async () => {
    const admin = await sessionOf(server.url, 'p_admin');
    const back = await messageOf(admin.trpc.clock.set.mutate({ at: '2021-07-01T09:00:00+08:00' }));
    expect(plain(back)).toMatch(
      /^时钟只能向后拨：2021年7月1日 09:00 早于当前时钟 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/,
    );
  });
});
