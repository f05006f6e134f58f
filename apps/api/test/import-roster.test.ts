import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { auditLog, rosterRows, rosterUploads } from '@dudao/schema/tables';
import type { Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { serviceContext, type ServiceContext } from '../src/services/context';
import { readTable } from '../src/services/files/table-reader';
import { ImportRejected, formatIssue } from '../src/services/import-errors';
import { villagesOf } from '../src/services/org/units';
import { currentRoster } from '../src/services/roster/current';
import { importRoster } from '../src/services/roster/import-roster';
import { csv, xlsx } from './support/files';
import { freshDb } from './support/fresh-db';
import { rosterFor, type RosterCells } from './support/roster';

const HUAIYUAN = '340321';
let opened: Opened;
let ctx: ServiceContext;

async function upload(rows: RosterCells[], at: string) {
  return importRoster(ctx, HUAIYUAN, await readTable(await xlsx(rows), 'roster.xlsx'), at, 'roster.xlsx');
}

async function issuesOf(rows: RosterCells[]): Promise<string[]> {
  const before = (await opened.db.select({ n: count() }).from(rosterRows).get())!.n;
  const error = await upload(rows, '2021-09-01T02:00:00.000Z').then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejected);
  expect((await opened.db.select({ n: count() }).from(rosterRows).get())!.n).toBe(before);
  return (error as ImportRejected).issues.map(formatIssue);
}

beforeAll(async () => {
  opened = await freshDb();
  ctx = serviceContext(opened.db, builtinCampaign('anhui-2021'), systemActor);
  await upload(await rosterFor(opened.db, HUAIYUAN), '2021-08-01T02:00:00.000Z');
});
afterAll(() => opened.close());

describe('roster import', () => {
  test('a valid roster lists every village of the county once, stamped with its upload time', async () => {
    const roster = (await currentRoster(ctx, HUAIYUAN))!;
    expect(roster.rows).toHaveLength((await villagesOf(ctx, HUAIYUAN)).length);
    expect(roster.upload.uploadedAt).toBe('2021-08-01T02:00:00.000Z');
    expect(await opened.db.select().from(auditLog).where(eq(auditLog.action, 'roster.upload')).get()).toMatchObject({
      unitCode: HUAIYUAN,
      oldValue: null,
    });
  });

  test('a village missing, duplicated or from another county is refused and nothing is written', async () => {
    const valid = await rosterFor(opened.db, HUAIYUAN);
    const [header, first, second, ...rest] = valid as [RosterCells, RosterCells, RosterCells, ...RosterCells[]];
    const other = (await villagesOf(ctx, '340322'))[0]!;
    const foreign: RosterCells = [other.code, other.name, 30, '是', 1, 0, 1200, 0];
    const nowhere: RosterCells = ['340321999999', '无此村', 30, '是', 1, 0, 1200, 0];
    const issues = await issuesOf([header, first, first, foreign, nowhere, ...rest]);
    expect(issues).toEqual([
      `第 3 行 村（社区）代码：${first[0]} 与第 2 行重复`,
      `第 4 行 村（社区）代码：${other.code} 不属于怀远县`,
      `第 5 行 村（社区）代码：340321999999 不存在`,
      `村（社区）代码：缺少 1 个村（社区）：${second[0]} ${second[1]}`,
    ]);
  });

  test('bad cells are named by their Chinese column and row', async () => {
    const rows = await rosterFor(opened.db, HUAIYUAN, (r, i) =>
      i === 0 ? [r[0]!, '错误名称', -3, '有', 1, 2, 'abc', 0] : r,
    );
    const issues = await issuesOf(rows);
    expect(issues).toEqual([
      `第 2 行 村（社区）名称：与代码 ${rows[1]![0]} 不符（应为“${(await villagesOf(ctx, HUAIYUAN))[0]!.name}”）`,
      '第 2 行 常年救助对象人数：常年救助对象人数应为不超过 1000000 的非负整数，实际为“-3”',
      '第 2 行 明确民政工作负责人：明确民政工作负责人应填“是”或“否”',
      '第 2 行 协理员月均报酬（元）：协理员月均报酬应为金额（元，最多两位小数），无报酬时留空',
    ]);
    const named = await issuesOf(
      await rosterFor(opened.db, HUAIYUAN, (r, i) => (i === 4 ? [r[0]!, '错误名称', 30, '是', 1, 2, 1200, 0] : r)),
    );
    expect(named[0]).toMatch(/^第 6 行 村（社区）名称：与代码 \d{12} 不符（应为“.+”）$/);
    expect(named[1]).toBe('第 6 行 其中专职人数：其中专职人数不能大于社会救助协理员人数');
  });

  test('a replacement is atomic: the new version wins, the old one stays for earlier dates', async () => {
    const rows = await rosterFor(opened.db, HUAIYUAN, (r, i) =>
      i < 10 ? [r[0]!, r[1]!, 250, '是', 2, 1, 1500, 1] : r,
    );
    await importRoster(
      ctx,
      HUAIYUAN,
      await readTable(csv(rows), 'roster.csv'),
      '2021-10-20T02:00:00.000Z',
      'roster.csv',
    );
    const now = (await currentRoster(ctx, HUAIYUAN))!;
    expect(now.rows.filter((r) => r.longTermRecipients === 250)).toHaveLength(10);
    const earlier = (await currentRoster(ctx, HUAIYUAN, '2021-09-30T16:00:00.000Z'))!;
    expect(earlier.upload.uploadedAt).toBe('2021-08-01T02:00:00.000Z');
    expect(earlier.rows.every((r) => r.longTermRecipients === 30)).toBe(true);
    expect((await opened.db.select({ n: count() }).from(rosterUploads).get())!.n).toBe(2);
  });
});
