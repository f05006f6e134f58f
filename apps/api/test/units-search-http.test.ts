import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listUnits, townshipsOf } from '../src/services/org/units';
import { freshServer, sessionOf, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;

beforeAll(async () => {
  server = await freshServer();
});
afterAll(() => server.close());

describe('units.search: a county, township or village by name or code', () => {
  test('怀远 finds 怀远县 first, leading to its own county page', async () => {
    const { trpc } = await sessionOf(server.url, 'p_admin');
    const found = await trpc.units.search.query({ query: '怀远' });
    expect(found[0]).toMatchObject({
      code: '340321',
      name: '怀远县',
      level: 'county',
      countyCode: '340321',
      path: '蚌埠市',
    });
  });

  test('a township of 怀远县 found by its code carries the county and the path', async () => {
    const township = (await townshipsOf({ db: server.db }, ['340321']))[0]!;
    const { trpc } = await sessionOf(server.url, 'p_admin');
    const found = await trpc.units.search.query({ query: township.code });
    expect(found[0]).toMatchObject({
      code: township.code,
      name: township.name,
      level: 'township',
      countyCode: '340321',
      path: '蚌埠市 · 怀远县',
    });
  });

  test('a village is found by part of its name', async () => {
    const village = (await listUnits({ db: server.db }, { level: 'village' })).find((v) =>
      v.code.startsWith('340321'),
    )!;
    const { trpc } = await sessionOf(server.url, 'p_admin');
    const found = await trpc.units.search.query({ query: village.name, limit: 50 });
    expect(found.map((f) => f.code)).toContain(village.code);
  });

  test("a county clerk finds only its own county's units", async () => {
    const { trpc } = await sessionOf(server.url, 'huaiyuan');
    const found = await trpc.units.search.query({ query: '县', limit: 50 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.code.startsWith('340321'))).toBe(true);
  });

  test('an empty query is refused with a Chinese message', async () => {
    const { trpc } = await sessionOf(server.url, 'p_admin');
    await expect(trpc.units.search.query({ query: ' ' })).rejects.toThrow(
      '请输入县区、乡镇（街道）或村（社区）的名称或代码',
    );
  });
});
