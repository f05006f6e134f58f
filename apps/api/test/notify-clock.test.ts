import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import type { Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { setClock } from '../src/services/clock/clock';
import { serviceContext, type ServiceContext } from '../src/services/context';
import { readTable } from '../src/services/files/table-reader';
import { saveChannel } from '../src/services/notify/config';
import { evaluateSchedule } from '../src/services/notify/schedule';
import { importRoster } from '../src/services/roster/import-roster';
import { createUser } from '../src/services/users/accounts';
import { xlsx } from './support/files';
import { freshDb } from './support/fresh-db';
import { drain, TEST_SECRET_KEY, testWorker } from './support/notify';
import { robotServer } from './support/receivers';
import { rosterFor } from './support/roster';

// The campaign clock moves across 10-29 … 11-01 (gate m2, every village with a 协理员, is due Sunday 10-31):
// the 临近提醒 goes on Friday 10-29 (the last working day before) and the 逾期提醒 on Monday 11-01, each only to the
// counties that had not met the gate when it goes. Five counties of 蚌埠 have clerks; by hand:
//   怀远县 340321  full roster since 09-01                  → met: nothing
//   五河县 340322  one village without a 协理员, never fixed → 临近 and 逾期
//   固镇县 340323  no roster at all                         → 临近 and 逾期
//   龙子湖区 340302 full roster uploaded 10-30              → 临近 only
//   蚌山区 340303  full roster uploaded 10-29 09:10, after the 临近 was written but before it went → nothing

process.env.DUDAO_SECRET_KEY = TEST_SECRET_KEY;
const SECRET = 'SECclock';
const M2 = '村级协理员全覆盖';
let opened: Opened;
let ctx: ServiceContext;
let robots: Awaited<ReturnType<typeof robotServer>>;
const campaign = builtinCampaign('anhui-2021');
const beijing = (local: string) => new Date(`${local}+08:00`).toISOString();

async function moveClock(local: string) {
  await setClock(ctx, { at: beijing(local), mode: 'frozen' });
  await evaluateSchedule(opened.db, campaign);
  await drain(opened.db, testWorker());
}

async function fullRoster(county: string, local: string, missingOne = false) {
  const rows = await rosterFor(opened.db, county, (r, i) =>
    missingOne && i === 0 ? [r[0]!, r[1]!, 30, '是', 0, 0, 0, 0] : r,
  );
  await importRoster(ctx, county, await readTable(await xlsx(rows), 'roster.xlsx'), beijing(local), 'roster.xlsx');
}

/** The counties named in the messages the city's DingTalk group got whose title starts with `prefix`. */
function countiesMessaged(prefix: string): string[] {
  return robots.received
    .filter((r) => r.path === 'dingtalk' && r.body.markdown.title.startsWith(prefix))
    .map((r) => String(r.body.markdown.text).split('\n\n')[1]!.split('：')[0]!)
    .sort();
}

beforeAll(async () => {
  robots = await robotServer({ dingSecret: SECRET, wecomKey: 'x', smsKey: 'x' });
  opened = await freshDb();
  ctx = serviceContext(opened.db, campaign, systemActor);
  await setClock(ctx, { at: beijing('2021-08-02T10:00:00'), mode: 'frozen' });
  const password = 'correct-horse-2021';
  const clerks = { '340321': 'hy', '340322': 'wh', '340323': 'gz', '340302': 'lzh', '340303': 'bs' };
  for (const [scopeCode, username] of Object.entries(clerks))
    await createUser(
      ctx,
      { username, displayName: username, role: 'county_clerk', scopeCode, password },
      '2021-07-01T00:00:00.000Z',
    );
  await createUser(
    ctx,
    { username: 'bengbu', displayName: '蚌埠市民政局', role: 'city_officer', scopeCode: '3403', password },
    '2021-07-01T00:00:00.000Z',
  );
  await saveChannel(ctx, {
    unit: '3403',
    kind: 'dingtalk',
    secrets: { webhook: `${robots.base}/dingtalk?access_token=TOKEN`, signSecret: SECRET },
  });
  await fullRoster('340321', '2021-09-01T10:00:00');
  await fullRoster('340322', '2021-09-01T10:00:00', true);
  await moveClock('2021-10-28T10:00:00');
});

afterAll(async () => {
  await opened?.close();
  await robots?.close();
});

describe('reminders on the campaign clock', () => {
  test('the first evaluation only starts the clock’s cursor: nothing from the past is sent', () => {
    expect(robots.received).toEqual([]);
  });

  test('10-29: the 临近提醒 for m2 goes to the counties that still have not met it when it goes', async () => {
    await setClock(ctx, { at: beijing('2021-10-29T09:00:00'), mode: 'frozen' });
    await evaluateSchedule(opened.db, campaign);
    // 蚌山区 completes its roster after the reminder was written and before the worker sends it.
    await setClock(ctx, { at: beijing('2021-10-29T09:10:00'), mode: 'frozen' });
    await fullRoster('340303', '2021-10-29T09:10:00');
    await drain(opened.db, testWorker());
    expect(countiesMessaged(`临近提醒：${M2}`)).toEqual(['五河县', '固镇县', '龙子湖区']);
    expect(countiesMessaged('逾期提醒')).toEqual([]);
    const first = robots.received.find((r) => r.body.markdown.title.startsWith(`临近提醒：${M2}`))!;
    expect(first.body.markdown.title).toBe(`临近提醒：${M2}将于2021年10月31日截止`);
    expect(first.body.markdown.text).toContain('截止前还剩 1 个工作日（含今天）');
    expect(first.verdict).toBe('ok');
  });

  test('10-30 and 10-31 (weekend) send nothing about m2; 11-01 the 逾期提醒 goes to the counties still short', async () => {
    await moveClock('2021-10-30T09:00:00');
    await fullRoster('340302', '2021-10-30T10:00:00');
    await moveClock('2021-10-31T09:00:00');
    expect(countiesMessaged('逾期提醒')).toEqual([]);
    await moveClock('2021-11-01T09:00:00');
    expect(countiesMessaged(`逾期提醒：${M2}`)).toEqual(['五河县', '固镇县']);
    expect(countiesMessaged(`临近提醒：${M2}`)).toEqual(['五河县', '固镇县', '龙子湖区']);
    const overdue = robots.received.find((r) => r.body.markdown.title.startsWith(`逾期提醒：${M2}`))!;
    expect(overdue.body.markdown.text).toContain('应于2021年10月31日前完成，截至2021年11月1日仍未完成');
  });

  test('the city’s digest goes at 08:30 on each working day the clock passed, not on the weekend', () => {
    const digests = robots.received.filter((r) => r.body.markdown.title.startsWith('蚌埠市每日简报'));
    expect(digests.map((d) => d.body.markdown.title)).toEqual([
      '蚌埠市每日简报（2021年10月29日）',
      '蚌埠市每日简报（2021年11月1日）',
    ]);
  });

  test('moving the clock again over the same days writes nothing twice', async () => {
    const before = robots.received.length;
    await setClock(ctx, { at: beijing('2021-10-29T09:00:00'), mode: 'frozen' });
    await evaluateSchedule(opened.db, campaign);
    await moveClock('2021-11-01T09:30:00');
    expect(robots.received.length).toBe(before);
  });

  test('11-02 … 11-05: the 月报 reminders and the digests that leave name periods and dates as the pages do', async () => {
    await moveClock('2021-11-05T09:00:00');
    const soon = robots.received.filter((r) => r.body.markdown.title.startsWith('临近提醒：2021年10月月报'));
    expect(new Set(soon.map((r) => r.body.markdown.title))).toEqual(
      new Set(['临近提醒：2021年10月月报将于2021年11月5日截止']),
    );
    expect(countiesMessaged('临近提醒：2021年10月月报')).toContain('怀远县');
    expect(soon[0]!.body.markdown.text).toContain('2021年10月月报须于2021年11月5日前报送');
    const digest = robots.received.find((r) => r.body.markdown.title === '蚌埠市每日简报（2021年11月5日）')!;
    expect(digest.body.markdown.text).toContain('- 2021年10月月报报送：按时 0个、逾期 0个、未报 9个');
    // Nothing that left names a period or a date the ISO way (links aside).
    for (const r of robots.received) {
      const words = `${r.body.markdown.title}\n${r.body.markdown.text}`.replace(/https?:\/\/\S+/g, '');
      expect(words).not.toMatch(/\d{4}-(\d{2}|Q\d)/);
    }
  });
});
