import { afterEach, describe, expect, test } from 'vitest';
import type { Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { setClock } from '../src/services/clock/clock';
import { currentCampaign } from '../src/services/campaign/store';
import { lockOn, serviceContext, stampedWrite, type ServiceContext } from '../src/services/context';
import { readTable } from '../src/services/files/table-reader';
import { reportListAt, supervisionOverviewAt, urgeCountsAt } from '../src/services/known/overview-answers';
import { addItem, closeItem, recordVisit } from '../src/services/supervision/visits';
import { importValues } from '../src/services/reports/import-values';
import { findReport } from '../src/services/reports/store';
import { decideReport, saveDraft } from '../src/services/reports/workflow';
import { sendUrge } from '../src/services/urge/send';
import { csv } from './support/files';
import { freshDb } from './support/fresh-db';
import { header, julyValues, lines } from './support/report-values';

// What an official sees for a past day stays what it was, however busy today is, and a record back-filled into that
// day (`--at`) shows in it at once; today's answers are kept too, and a write drops only those of its own county, its
// city and the province: the overview's answers kept per day and unit (services/known/day-answers.ts).

const iso = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const COUNTY = '340321';

const handles: Opened[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

async function setUp(clock: string): Promise<ServiceContext> {
  const opened = await freshDb();
  handles.push(opened);
  const ctx = serviceContext(opened.db, await currentCampaign({ db: opened.db }), systemActor);
  await setClock(ctx, { at: iso(clock), mode: 'frozen' });
  return ctx;
}

async function submitJuly(ctx: ServiceContext, at: string) {
  const table = await readTable(csv([header, ...lines(COUNTY, '2021-07', julyValues)]), 'values.csv');
  await importValues(ctx, table, { submit: true }, iso(at));
}

const stateOn = async (ctx: ServiceContext, asOf: string) =>
  (await reportListAt(ctx, '34', { asOf })).find((r) => r.countyCode === COUNTY && r.period === '2021-07')?.state;

describe('answers about a settled day', () => {
  test("are kept while today's writes go on, and a return back-filled into the day shows in it", async () => {
    const ctx = await setUp('2021-09-30T10:00');
    await submitJuly(ctx, '2021-08-03T10:00');
    const first = await reportListAt(ctx, '34', { asOf: '2021-08-20' });
    expect(first.find((r) => r.countyCode === COUNTY)?.state).toBe('submitted');

    // Today's draft of another month changes nothing known on 20 August: the same answer, not a recomputation.
    const report = await findReport(ctx, COUNTY, '2021-07');
    await saveDraft(ctx, { countyCode: COUNTY, period: '2021-09', version: 0, values: { t01_dibao_urban: '1000' } });
    expect(await reportListAt(ctx, '34', { asOf: '2021-08-20' })).toBe(first);

    // The city's return, recorded late with its real time (8 August): 20 August now reads 退回, 5 August still 已报送.
    await decideReport(
      ctx,
      { countyCode: COUNTY, period: '2021-07', version: report!.version, reason: '数据有误' },
      'return',
      iso('2021-08-08T09:00'),
    );
    expect(await stateOn(ctx, '2021-08-20')).toBe('returned');
    expect(await stateOn(ctx, '2021-08-05')).toBe('submitted');
  });

  test('a 催报 back-filled into a settled day is counted on that day and after, not before', async () => {
    const ctx = await setUp('2021-09-30T10:00');
    const urged = async (asOf: string) =>
      (await urgeCountsAt(ctx, '34', asOf)).find((u) => u.unit === COUNTY && u.period === '2021-07')?.count ?? 0;
    expect(await urged('2021-08-10')).toBe(0);
    expect(await urged('2021-08-04')).toBe(0);
    await sendUrge(ctx, { kind: 'report', unit: COUNTY, period: '2021-07' }, iso('2021-08-06T16:00'));
    await sendUrge(ctx, { kind: 'report', unit: COUNTY, period: '2021-07' }, iso('2021-08-09T16:00'));
    // Two 催报 by the 10th, none by the 4th.
    expect(await urged('2021-08-10')).toBe(2);
    expect(await urged('2021-08-04')).toBe(0);
  });

  test("the clock's day answers each write as it lands", async () => {
    const ctx = await setUp('2021-08-20T10:00');
    expect(await stateOn(ctx, '2021-08-20')).toBeUndefined();
    await submitJuly(ctx, '2021-08-20T10:00');
    expect(await stateOn(ctx, '2021-08-20')).toBe('submitted');
    // Yesterday ended on the clock: settled, and it never knew the report.
    expect(await stateOn(ctx, '2021-08-19')).toBeUndefined();
  });

  test("today's answers are kept until a write names their unit: a 催报 and a draft reach their county's city and the province, not another city", async () => {
    const ctx = await setUp('2021-08-20T10:00');
    const today = '2021-08-20';
    const urged = (answer: Awaited<ReturnType<typeof urgeCountsAt>>) =>
      answer.find((u) => u.unit === COUNTY && u.period === '2021-07')?.count ?? 0;
    const province = await urgeCountsAt(ctx, '34', today);
    const ownCity = await urgeCountsAt(ctx, '3403', today);
    const otherCity = await urgeCountsAt(ctx, '3401', today);
    // Read again with nothing written: the same answer objects, not recomputations.
    expect(await urgeCountsAt(ctx, '34', today)).toBe(province);
    expect(await urgeCountsAt(ctx, '3403', today)).toBe(ownCity);

    // One 催报 of 340321 (怀远县, a county of 蚌埠市 (3403)), stamped by the clock now.
    await sendUrge(ctx, { kind: 'report', unit: COUNTY, period: '2021-07' });
    expect(urged(await urgeCountsAt(ctx, '34', today))).toBe(1);
    expect(urged(await urgeCountsAt(ctx, '3403', today))).toBe(1);
    expect(await urgeCountsAt(ctx, '3401', today)).toBe(otherCity);

    // A draft of the county's July report: the city's list of today shows it as 草稿, 合肥市's list is untouched.
    const hefei = await reportListAt(ctx, '3401', { asOf: today });
    await saveDraft(ctx, { countyCode: COUNTY, period: '2021-07', version: 0, values: { t01_dibao_urban: '1000' } });
    expect((await reportListAt(ctx, '3403', { asOf: today })).map((r) => [r.countyCode, r.period, r.state])).toEqual([
      [COUNTY, '2021-07', 'draft'],
    ]);
    expect(await reportListAt(ctx, '3401', { asOf: today })).toBe(hefei);
  });

  test("a rectification item closed today shows at once in today's supervision overview of its city", async () => {
    const ctx = await setUp('2021-08-20T10:00');
    const today = '2021-08-20';
    const before = await supervisionOverviewAt(ctx, '3403', today);
    expect(before.total.visits).toBe(0);
    const visit = await recordVisit(ctx, {
      countyCode: COUNTY,
      visitedOn: today,
      byLevel: 'city',
      visitors: '市民政局',
      findings: '协理员配备不足',
    });
    const item = await addItem(ctx, {
      visitId: visit.id,
      description: '补齐协理员',
      owner: '县民政局',
      dueOn: '2021-09-10',
    });
    expect((await supervisionOverviewAt(ctx, '3403', today)).total).toEqual({
      visits: 1,
      items: 1,
      closed: 0,
      open: 1,
      overdue: 0,
    });
    // 销号 updates the item's row: the update feeds the change feed as an insert does.
    await closeItem(ctx, { itemId: item.id, evidence: '已配齐' });
    expect((await supervisionOverviewAt(ctx, '3403', today)).total).toEqual({
      visits: 1,
      items: 1,
      closed: 1,
      open: 0,
      overdue: 0,
    });
  });

  test('the clock is not set past a write in flight: the setting waits until the write has committed', async () => {
    const ctx = await setUp('2021-08-20T10:00');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let stampedAt = '';
    const write = stampedWrite(
      ctx,
      { at: undefined, locks: [lockOn.report(ctx.campaign.code, { countyCode: COUNTY, period: '2021-07' })] },
      async (_, at) => {
        stampedAt = at;
        await held;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const order: string[] = [];
    const moved = setClock(ctx, { at: iso('2021-08-25T10:00'), mode: 'frozen' }).then(() => order.push('clock set'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    order.push('write released');
    release();
    await Promise.all([write, moved]);
    // Had the clock moved first, 20 August would have been settled with the write still uncommitted.
    expect(order).toEqual(['write released', 'clock set']);
    expect(stampedAt).toBe(iso('2021-08-20T10:00'));
  });
});
