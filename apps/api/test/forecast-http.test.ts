import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '@dudao/schema/campaign';
import { villagesOf } from '../src/services/org/units';
import { xlsx } from './support/files';
import { errorCode, freshServer, sessionOf, startServer } from './support/http';
import { rosterFor } from './support/roster';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Server;
let clerk: Session, officer: Session;
let villages = 0;
const county = '340321';
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

async function uploadRoster(withCoordinator: number, when: string) {
  await server.setTime(at(when));
  const rows = await rosterFor(server.db, county, (r, i) =>
    i < withCoordinator ? r : [...r.slice(0, 4), 0, 0, '', 0],
  );
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await xlsx(rows))]), 'roster.xlsx');
  const res = await fetch(`${server.url}/files/roster?county=${county}`, {
    method: 'POST',
    headers: { cookie: clerk.cookie },
    body: form,
  });
  expect(res.status).toBe(200);
}

// Coordinators in 10, 20, 30 villages on 08-07, 09-06, 10-06: ten more every 30 days.
beforeAll(async () => {
  server = await freshServer();
  clerk = await sessionOf(server.url, 'huaiyuan');
  officer = await sessionOf(server.url, 'bengbu');
  villages = (await villagesOf({ db: server.db }, county)).length;
  await uploadRoster(10, '2021-08-07T10:00:00');
  await uploadRoster(20, '2021-09-06T10:00:00');
  await uploadRoster(30, '2021-10-06T10:00:00');
  await server.setTime(at('2021-10-20T10:00:00'));
}, 60_000);
afterAll(async () => server?.close());

describe('status.forecast', () => {
  test('at 10-10: 10 villages a month, 30 now → about 38⅓ by 10-31, will miss every-village coverage', async () => {
    expect(villages).toBeGreaterThan(40);
    const { counties } = await officer.trpc.status.forecast.query({ asOf: '2021-10-10', unit: county });
    const m2 = counties.find((c) => c.code === county)!.gates.find((g) => g.gate === 'm2_coordinators')!;
    expect(m2.points).toBe(3);
    expect(m2.current).toBeCloseTo(30 / villages, 12);
    // each pairwise slope is 10 / (30 N) a day; 25 days from 10-06 to 10-31
    expect(m2.expected).toBeCloseTo((30 + (10 / 30) * 25) / villages, 12);
    expect(m2.reachOn).toBe(addDays('2021-10-06', Math.ceil((villages - 30) * 3)));
    expect(m2.state).toBe('will_miss');
    expect(m2.confidence).toBe('依据充分');
    expect(m2.method).toContain('按近 3 次数据');
  });

  test('at 09-10 the 10-06 roster is not yet known: two points, no interval', async () => {
    const { counties } = await clerk.trpc.status.forecast.query({ asOf: '2021-09-10' });
    const m2 = counties.find((c) => c.code === county)!.gates.find((g) => g.gate === 'm2_coordinators')!;
    expect(m2.points).toBe(2);
    expect(m2.current).toBeCloseTo(20 / villages, 12);
    expect(m2.low).toBeNull();
    expect(m2.confidence).toBe('依据不足');
    expect(counties.every((c) => c.code.startsWith(county))).toBe(true);
  });

  test("a county's clerk may not read its neighbour's", async () => {
    await expect(clerk.trpc.status.forecast.query({ asOf: '2021-10-10', unit: '340322' })).rejects.toSatisfy(
      (e) => errorCode(e) === 'FORBIDDEN',
    );
  });
});

describe('status.gateForecasts (the overview pages)', () => {
  test("at 10-10 the city page gets each of its counties' gates ahead and nothing else; after the last gate, none", async () => {
    const { asOf, counties } = await officer.trpc.status.gateForecasts.query({ asOf: '2021-10-10', unit: '3403' });
    expect(asOf).toBe('2021-10-10');
    // 蚌埠市 (3403) has 9 county-level units (two of them development zones), each with the gates of 10-31 ahead on 10-10.
    expect(counties.map((c) => c.code)).toEqual([
      '340302',
      '340303',
      '340304',
      '340311',
      '340321',
      '340322',
      '340323',
      '340371',
      '340372',
    ]);
    for (const c of counties) expect(Object.keys(c).sort()).toEqual(['code', 'gates']);
    const m2 = counties.find((c) => c.code === county)!.gates.find((g) => g.gate === 'm2_coordinators')!;
    expect(m2.expected).toBeCloseTo((30 + (10 / 30) * 25) / villages, 12);
    expect(m2.state).toBe('will_miss');
    // The campaign's gates all fall by 11-30 (campaign.gates): on 12-10 no county has one ahead.
    await server.setTime(at('2021-12-10T10:00:00'));
    try {
      expect((await officer.trpc.status.gateForecasts.query({ asOf: '2021-12-10', unit: '3403' })).counties).toEqual(
        [],
      );
    } finally {
      await server.setTime(at('2021-10-20T10:00:00'));
    }
  });
});

describe('status.whatIf', () => {
  test('at 10-10 with no report ever sent: the fix is a first report at the expected figures, priced', async () => {
    const result = await officer.trpc.status.whatIf.query({ asOf: '2021-10-10', countyCode: county });
    expect(result.lagging).toBe(true);
    // September's report is due 10-05 with five days of grace, so sent that day it is still on time.
    expect(result.resolves).toBe(true);
    expect(result.unfixable).toEqual([]);
    expect(result.steps.map((s) => s.text)).toEqual(['补报2021年9月月报（各项指标达到序时进度要求）']);
    // Ten scored tasks weigh a tenth each; the nine fed by the report go from 0 (no figure) to 100, T10 (the
    // roster) stays as it is: the score rises by exactly 9 × 100 / 10 = 90 points.
    const [step] = result.steps;
    expect(step!.scoreAfter! - step!.scoreBefore!).toBeCloseTo(90, 9);
    expect(step!.laggingAfter).toBe(false);
  });

  test('at 10-12 the September report can no longer be on time: no fix', async () => {
    const result = await officer.trpc.status.whatIf.query({ asOf: '2021-10-12', countyCode: county });
    expect(result.resolves).toBe(false);
    expect(result.unfixable.map((r) => r.code)).toContain('late_report');
  });

  test('an unknown county is a 404 with a Chinese message', async () => {
    await expect(officer.trpc.status.whatIf.query({ asOf: '2021-10-10', countyCode: '340399' })).rejects.toSatisfy(
      (e) => errorCode(e) === 'NOT_FOUND' || errorCode(e) === 'FORBIDDEN',
    );
  });
});
