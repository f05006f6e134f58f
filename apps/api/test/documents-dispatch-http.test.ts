import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshServer, sessionOf } from './support/http';

// Orders and urges are data like any other: the city summary counts them and names the open ones as known at its date.
let server: Awaited<ReturnType<typeof freshServer>>;
let bengbu: Awaited<ReturnType<typeof sessionOf>>;
const at = (beijing: string) => new Date(`${beijing}+08:00`).toISOString();

beforeAll(async () => {
  server = await freshServer();
  bengbu = await sessionOf(server.url, 'bengbu');
});
afterAll(() => server.close());

describe('dispatch orders and urges in the city summary', () => {
  test('an open order and an urge known at the date are counted, the open order named in 存在的问题; the day before, neither', async () => {
    await server.setTime(at('2021-10-20T09:00:00'));
    await bengbu.trpc.dispatch.issue.mutate({
      counties: ['340321'],
      title: '补齐协理员',
      matter: '请于期限内补齐村级协理员',
      level: 'key',
      deadline: '2021-10-29',
    });
    await bengbu.trpc.urge.send.mutate({ kind: 'report', unit: '340322', period: '2021-09' });

    const text = async (asOf: string) => {
      const doc = await bengbu.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf });
      return (await bengbu.trpc.documents.preview.query({ id: doc.id })).html ?? '';
    };
    const today = await text('2021-10-20');
    // 基本情况 counts what the city did: one order, none closed; one urge.
    expect(today).toContain('下发督办单1件，尚未办结；对报送滞后和督办事项催报催办1次。');
    // 存在的问题 names who holds the open order, under its reporting point (bounded by the next heading).
    const problems = today.slice(today.indexOf('三、存在的问题'), today.indexOf('四、下一步打算'));
    expect(problems).toContain('（二）进度报送和督导整改不够及时。');
    expect(problems).toContain('督办单尚未办结1件，涉及怀远县。');
    const before = await text('2021-10-19');
    expect(before).not.toContain('督办单');
    expect(before).not.toContain('催报催办');
  });
});
