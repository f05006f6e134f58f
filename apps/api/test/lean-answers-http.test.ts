import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCode, freshServer, sessionOf, startServer } from './support/http';
import { julyValues } from './support/report-values';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Server;
let clerk: Session, officer: Session, admin: Session;
const county = '340321';
const july = { countyCode: county, period: '2021-07' };
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
// 蚌埠市: 怀远、五河、固镇 three counties, 龙子湖、蚌山、禹会、淮上 four districts, 高新区、经开区 two zones.
const bengbu = ['340302', '340303', '340304', '340311', '340321', '340322', '340323', '340371', '340372'];

/** The raw HTTP answer of a tRPC query, as the dashboard server's fetch sees it. */
function get(path: string, input: unknown, headers: Record<string, string>) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return fetch(`${server.url}/trpc/${path}${query}`, { headers });
}

beforeAll(async () => {
  server = await freshServer();
  clerk = await sessionOf(server.url, 'huaiyuan');
  officer = await sessionOf(server.url, 'bengbu');
  admin = await sessionOf(server.url, 'p_admin');
  // 怀远 sends its July report on 3 August, before the 5 August due day; nobody else sends one.
  await server.setTime(at('2021-08-02T10:00:00'));
  await clerk.trpc.reports.saveDraft.mutate({ ...july, version: 0, values: julyValues });
  await server.setTime(at('2021-08-03T09:30:00'));
  await clerk.trpc.reports.submit.mutate({ ...july, version: 1 });
  await server.setTime(at('2021-08-06T09:00:00'));
});
afterAll(() => server.close());

describe('status.overview: what an overview page shows, no indicator', () => {
  test('a city: its nine counties, its timeliness on the July report', async () => {
    const o = await officer.trpc.status.overview.query({ asOf: '2021-08-06' });
    expect(o.unit).toEqual({ code: '3403', name: '蚌埠市', level: 'city' });
    expect(o.province).toBeNull();
    expect(o.countyTotal).toBe(9);
    expect(o.counties.map((c) => c.code).sort()).toEqual(bengbu);
    // One of nine sent on time; eight had sent nothing by the due day.
    expect(o.timeliness).toEqual({ period: '2021-07', onTime: 1, late: 0, missing: 8 });
    expect(o.counties.find((c) => c.code === county)!.timeliness).toBe('on_time');
    expect(o.counties.filter((c) => c.timeliness === 'missing')).toHaveLength(8);
    expect(o.cities.map((c) => c.code)).toEqual(['3403']);
    expect(o.counties[0]).not.toHaveProperty('indicators');
  });

  test('the province: the same ranks and reasons as the full answer, in pages that join up', async () => {
    const full = await admin.trpc.status.at.query({ asOf: '2021-08-06' });
    const o = await admin.trpc.status.overview.query({ asOf: '2021-08-06' });
    expect(o.unit.level).toBe('province');
    expect(o.countyTotal).toBe(full.counties.length);
    expect(o.timeliness).toEqual({ period: '2021-07', onTime: 1, late: 0, missing: full.counties.length - 1 });
    expect(o.cities).toHaveLength(16);
    for (const c of o.counties) {
      const f = full.counties.find((x) => x.code === c.code)!;
      expect([c.score, c.rankInProvince, c.lagging, c.watch]).toEqual([f.score, f.rankInProvince, f.lagging, f.watch]);
      expect(c.reasons.map((r) => r.text)).toEqual(f.reasons.map((r) => r.text));
    }
    const pages = [];
    for (let offset = 0; offset < o.countyTotal; offset += 50)
      pages.push(...(await admin.trpc.status.overview.query({ asOf: '2021-08-06', offset, limit: 50 })).counties);
    expect(pages.map((c) => c.code)).toEqual(o.counties.map((c) => c.code));
    expect(new Set(pages.map((c) => c.code)).size).toBe(full.counties.length);
  });

  test('a page larger than 200 counties, or a unit outside the scope, is refused', async () => {
    expect(errorCode(await admin.trpc.status.overview.query({ limit: 201 }).catch((e) => e))).toBe('BAD_REQUEST');
    expect(errorCode(await officer.trpc.status.overview.query({ unit: '34' }).catch((e) => e))).toBe('FORBIDDEN');
    expect(errorCode(await admin.trpc.status.overview.query({ unit: '3499' }).catch((e) => e))).toBe('NOT_FOUND');
  });
});

describe('status.county: one county with every indicator', () => {
  test('the same indicators as the full answer, with its city named', async () => {
    const full = await clerk.trpc.status.at.query({ asOf: '2021-08-06' });
    const one = await clerk.trpc.status.county.query({ asOf: '2021-08-06', code: county });
    expect(one.cityName).toBe('蚌埠市');
    expect(one.county).toEqual(full.counties.find((c) => c.code === county));
    expect(errorCode(await clerk.trpc.status.county.query({ code: '340322' }).catch((e) => e))).toBe('FORBIDDEN');
  });
});

describe('compressed answers with validators, over real HTTP', () => {
  const input = { asOf: '2021-08-06' };

  test('gzip and br when accepted; the same JSON as uncompressed; no-store kept', async () => {
    const plain = await get('status.overview', input, { cookie: admin.cookie, 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    // The province overview fits the 200 KB a page view may move, before compression.
    expect(text.length).toBeLessThan(200 * 1024);
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        // node:http, not fetch: fetch would undo the coding before the test could see it.
        void import('node:http').then(({ get: httpGet }) =>
          httpGet(
            `${server.url}/trpc/status.overview?input=${encodeURIComponent(JSON.stringify(input))}`,
            { headers: { cookie: admin.cookie, 'accept-encoding': encoding } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            },
          ).on('error', reject),
        );
      });
    const gz = await raw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(text);
    expect(gz.body.length).toBeLessThan(text.length / 4);
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    expect(br.headers['cache-control']).toBe('no-store');
    expect(br.headers['vary']).toContain('Accept-Encoding');
  });

  test('a small answer goes as it is', async () => {
    const res = await get('clock.get', undefined, { cookie: admin.cookie, 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeLessThan(1024);
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  test('an unchanged answer is 304 without a body; a submission that reaches the day changes it', async () => {
    const first = await get('status.overview', input, { cookie: officer.cookie });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('status.overview', input, { cookie: officer.cookie, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('x-request-id')).toBeTruthy();
    expect(again.headers.get('cache-control')).toBe('no-store');

    // 五河 sends its July report late, on 6 August: the answer at 6 August changes, so the old ETag gets a body.
    const wuhe = { countyCode: '340322', period: '2021-07' };
    // 五河 has 15 townships, so it reports fewer of them than 怀远's figures.
    const values = { ...julyValues, t06_townships_delegated: '10', t03_townships_with_reserve: '10' };
    await admin.trpc.reports.saveDraft.mutate({ ...wuhe, version: 0, values });
    await admin.trpc.reports.submit.mutate({ ...wuhe, version: 1 });
    const after = await get('status.overview', input, { cookie: officer.cookie, 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const o = ((await after.json()) as { result: { data: { timeliness: unknown } } }).result.data;
    expect(o.timeliness).toEqual({ period: '2021-07', onTime: 1, late: 1, missing: 7 });
  });

  test('a write answers with no ETag', async () => {
    const res = await fetch(`${server.url}/trpc/clock.get`, { method: 'POST', headers: { cookie: admin.cookie } });
    expect(res.headers.get('etag')).toBeNull();
  });
});
