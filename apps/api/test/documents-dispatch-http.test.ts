import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshServer, sessionOf } from './support/http';

// Orders and urges are data like any other: the city summary's 存在的问题 names them as known at its date.
let server: Awaited<ReturnType<typeof freshServer>>;
let bengbu: Awaited<ReturnType<typeof sessionOf>>;
const at = (beijing: string) => new Date(`${beijing}+08:00`).toISOString();

beforeAll(async () => {
  server = await freshServer();
  bengbu = await sessionOf(server.url, 'bengbu');
});
afterAll(() => server.close());

describe('dispatch orders and urges in the city summary', () => {
  test('an open order and an urge known at the date are written in 存在的问题; the day before, neither', async () => {
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
      return (await bengbu.trpc.documents.preview.query({ id: doc.id })).html;
    };
    const today = await text('2021-10-20');
    expect(today).toContain('督促调度事项尚未全部落实。');
    expect(today).toContain('已下发督办单1件次，尚未办结的有怀远县1件。');
    expect(today).toContain('月报、台账或督办事项经催报、催办的有五河县1次。');
    const before = await text('2021-10-19');
    expect(before).not.toContain('督促调度事项');
  });
});
