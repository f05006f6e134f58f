import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sessionOf, freshServer, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;

beforeAll(async () => {
  server = await freshServer();
});
afterAll(() => server.close());

describe('city summaries to the province (gate m5)', () => {
  test('an officer generates, previews and submits; the submission time drives m5 against 12-15', async () => {
    const officer = await sessionOf(server.url, 'bengbu');
    const admin = await sessionOf(server.url, 'p_admin');
    const m5 = async (asOf: string) =>
      (await admin.trpc.status.at.query({ asOf })).cities.find((c) => c.code === '3403')!.gates.m5_city_summary;

    await server.setTime('2021-12-13T02:00:00.000Z');
    const first = await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' });
    const second = await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.fileName).toBe('蚌埠市行动总结_2021-12-13.docx');
    const preview = await officer.trpc.documents.preview.query({ id: second.id });
    expect(preview.html).toContain('蚌埠市民政局关于社会救助工作便民惠民');
    await expect(
      officer.trpc.documents.generate.mutate({ kind: 'province', unit: '34', asOf: '2021-12-13' }),
    ).rejects.toThrow('无权访问管辖范围以外的单位，或该单位不存在');

    const download = await fetch(`${server.url}/files/documents/${second.id}`, { headers: { cookie: officer.cookie } });
    expect(download.status).toBe(200);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    expect(await m5('2021-12-13')).toBe('pending');
    await server.setTime('2021-12-14T08:00:00.000Z');
    await officer.trpc.summaries.submit.mutate({ id: second.id });
    expect(await m5('2021-12-13')).toBe('pending');
    expect(await m5('2021-12-14')).toBe('met');
    // Later days can be read only once the campaign clock has reached them.
    await server.setTime('2021-12-20T02:00:00.000Z');
    expect(await m5('2021-12-16')).toBe('met');

    const status = await admin.trpc.summaries.status.query({ asOf: '2021-12-20' });
    expect(status).toHaveLength(16);
    expect(status.find((s) => s.cityCode === '3403')).toMatchObject({
      firstSubmittedAt: '2021-12-14T08:00:00.000Z',
      onTime: true,
      dueOn: '2021-12-15',
    });
    expect(status.find((s) => s.cityCode === '3401')).toMatchObject({ firstSubmittedAt: null, onTime: null });
    const hefeiOn1216 = (await admin.trpc.status.at.query({ asOf: '2021-12-16' })).cities.find(
      (c) => c.code === '3401',
    )!;
    expect(hefeiOn1216.gates.m5_city_summary).toBe('overdue');
    expect((await admin.trpc.notices.mine.query({ asOf: '2021-12-20' })).map((n) => n.kind)).toContain(
      'summary.submitted',
    );
  });

  test('a summary submitted after 12-15 makes m5 late', async () => {
    const hefei = await sessionOf(server.url, 'p_admin');
    await server.setTime('2021-12-17T02:00:00.000Z');
    const doc = await hefei.trpc.documents.generate.mutate({ kind: 'city', unit: '3401', asOf: '2021-12-17' });
    await hefei.trpc.summaries.submit.mutate({ id: doc.id });
    await server.setTime('2021-12-20T02:00:00.000Z');
    const cities = (await hefei.trpc.status.at.query({ asOf: '2021-12-20' })).cities;
    expect(cities.find((c) => c.code === '3401')!.gates.m5_city_summary).toBe('late');
  });
});
