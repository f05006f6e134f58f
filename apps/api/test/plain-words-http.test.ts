import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshServer, PASSWORD, sessionOf } from './support/http';

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
    expect(message).toMatch(/^办理期限：2022-01-10 不在行动期内/);
  });
});
