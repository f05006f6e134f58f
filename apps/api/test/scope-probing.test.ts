import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { systemActor } from '../src/services/actor';
import { serviceContext } from '../src/services/context';
import { createUser } from '../src/services/users/accounts';
import { errorCode, freshServer, PASSWORD, sessionOf } from './support/http';

type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Awaited<ReturnType<typeof freshServer>>;
let bengbu: Session, huaiyuan: Session, yaohai: Session;

async function refusal(p: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    return { code: errorCode(e), message: (e as Error).message };
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  server = await freshServer();
  await createUser(
    serviceContext(server.db, builtinCampaign('anhui-2021'), systemActor),
    { username: 'yaohai', role: 'county_clerk', scopeCode: '340102', displayName: '瑶海区填报员', password: PASSWORD },
    '2021-07-01T00:00:00.000Z',
  );
  bengbu = await sessionOf(server.url, 'bengbu');
  huaiyuan = await sessionOf(server.url, 'huaiyuan');
  yaohai = await sessionOf(server.url, 'yaohai');
});
afterAll(() => server.close());

describe('a record outside the scope reads the same as one that does not exist', () => {
  test('蚌埠市 asking for 合肥市 (3401) and for a city that is not there (3499) hears the same, with no code in it', async () => {
    const hefei = await refusal(bengbu.trpc.status.at.query({ asOf: '2021-09-30', unit: '3401' }));
    const none = await refusal(bengbu.trpc.status.at.query({ asOf: '2021-09-30', unit: '3499' }));
    expect(hefei).toEqual(none);
    expect(hefei.code).toBe('FORBIDDEN');
    expect(hefei.message).not.toMatch(/34\d\d/);
  });

  test('a file route answers the same for 瑶海区 (340102) and for 349999', async () => {
    const get = (unit: string) =>
      fetch(`${server.url}/files/audit.csv?unit=${unit}`, { headers: { cookie: huaiyuan.cookie } });
    const [other, none] = await Promise.all([get('340102'), get('349999')]);
    expect(other.status).toBe(none.status);
    const [a, b] = [await other.text(), await none.text()];
    expect(a).toBe(b);
    expect(a).not.toContain('340102');
  });

  test("another county's 督办单 and a number never issued answer alike (404, no county named)", async () => {
    await server.setTime('2021-09-28T02:00:00.000Z');
    const { id } = await bengbu.trpc.dispatch.issue.mutate({
      counties: ['340321'],
      title: '补齐协理员',
      matter: '请于期限内补齐村级协理员',
      level: 'key',
      deadline: '2021-10-12',
    });
    const theirs = await refusal(yaohai.trpc.dispatch.get.query({ id, asOf: '2021-09-28' }));
    const never = await refusal(yaohai.trpc.dispatch.get.query({ id: id + 1000, asOf: '2021-09-28' }));
    expect(theirs.code).toBe('NOT_FOUND');
    expect(theirs.message.replace(String(id), '#')).toBe(never.message.replace(String(id + 1000), '#'));
    // Acting on it is no way round: signing an order not sent to 瑶海区 answers as for one that does not exist.
    const sign = await refusal(yaohai.trpc.dispatch.sign.mutate({ id, county: '340102' }));
    const signNone = await refusal(yaohai.trpc.dispatch.sign.mutate({ id: id + 1000, county: '340102' }));
    expect(sign.code).toBe('NOT_FOUND');
    expect(sign.message.replace(String(id), '#')).toBe(signNone.message.replace(String(id + 1000), '#'));
    expect(sign.message).not.toContain('340');
  });
});
