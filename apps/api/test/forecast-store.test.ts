import { afterEach, describe, expect, test } from 'vitest';
import { withTransaction, type Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { setClock } from '../src/services/clock/clock';
import { currentCampaign } from '../src/services/campaign/store';
import { serviceContext, type ServiceContext } from '../src/services/context';
import { readTable } from '../src/services/files/table-reader';
import { forecastsAt } from '../src/services/forecast/forecast-at';
import { importValues } from '../src/services/reports/import-values';
import { csv } from './support/files';
import { freshDb } from './support/fresh-db';
import { header, julyValues, lines } from './support/report-values';

// Settled days' forecasts are kept compact (services/forecast/forecast-at.ts), read back through their JSON: equal to a
// fresh forecast, and dropped by a write back-filled into their day.

const iso = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const handles: Opened[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

async function setUp(): Promise<ServiceContext> {
  const opened = await freshDb();
  handles.push(opened);
  const ctx = serviceContext(opened.db, await currentCampaign({ db: opened.db }), systemActor);
  await setClock(ctx, { at: iso('2021-11-20T10:00'), mode: 'frozen' });
  return ctx;
}

async function submitJuly(ctx: ServiceContext, county: string, at: string) {
  // 五河 has 15 townships, fewer than the 20 delegated in the shared July figures.
  const values = { ...julyValues, t06_townships_delegated: '10' };
  const table = await readTable(csv([header, ...lines(county, '2021-07', values)]), 'values.csv');
  await importValues(ctx, table, { submit: true }, iso(at));
}

// Inside a transaction every read bypasses the caches: a forecast made afresh from the database.
const fresh = (ctx: ServiceContext, day: string) => withTransaction(ctx, [], (tx) => forecastsAt(tx, day));

describe('forecasts of settled days, kept compact', () => {
  test('a settled day is kept and equals a fresh forecast; a back-fill into it is seen, the day before keeps', async () => {
    const ctx = await setUp();
    await submitJuly(ctx, '340321', '2021-08-03T10:00');
    const kept = await forecastsAt(ctx, '2021-08-05');
    expect(await forecastsAt(ctx, '2021-08-05')).toBe(kept);
    // Compacted through its JSON: every field as a fresh forecast has it, none lost, none added.
    expect(kept).toStrictEqual(await fresh(ctx, '2021-08-05'));

    // Another county's July, submitted on 08-04 and recorded late: 08-05 now forecasts from it, 08-03 is unchanged.
    const dayBefore = await forecastsAt(ctx, '2021-08-03');
    await submitJuly(ctx, '340322', '2021-08-04T09:00');
    const after = await forecastsAt(ctx, '2021-08-05');
    expect(after.get('340322')).not.toStrictEqual(kept.get('340322'));
    expect(after).toStrictEqual(await fresh(ctx, '2021-08-05'));
    expect(await forecastsAt(ctx, '2021-08-03')).toBe(dayBefore);
  });

  test("a county's submission forecasts that county again, the others' forecasts are kept as they were", async () => {
    const ctx = await setUp();
    await setClock(ctx, { at: iso('2021-08-04T10:00'), mode: 'frozen' });
    const before = await forecastsAt(ctx, '2021-08-04');
    // On its day, as on the 5th of a month: 怀远 sends its July report.
    await submitJuly(ctx, '340321', '2021-08-04T11:00');
    const after = await forecastsAt(ctx, '2021-08-04');
    expect(after.get('340321')).not.toStrictEqual(before.get('340321'));
    const others = [...before.keys()].filter((code) => code !== '340321');
    expect(others.length).toBeGreaterThan(100);
    for (const code of others) expect(after.get(code)).toBe(before.get(code));
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(after).toStrictEqual(await fresh(ctx, '2021-08-04'));
  });

  test("a day kept while it was the clock's is compacted once the clock has passed it, and stays equal", async () => {
    const ctx = await setUp();
    await submitJuly(ctx, '340321', '2021-08-03T10:00');
    await setClock(ctx, { at: iso('2021-08-05T10:00'), mode: 'frozen' });
    const today = await forecastsAt(ctx, '2021-08-05');
    expect(await forecastsAt(ctx, '2021-08-05')).toBe(today);
    await setClock(ctx, { at: iso('2021-08-06T10:00'), mode: 'frozen' });
    const settled = await forecastsAt(ctx, '2021-08-05');
    expect(settled).not.toBe(today);
    expect(settled).toStrictEqual(today);
    expect(await forecastsAt(ctx, '2021-08-05')).toBe(settled);
  });
});
