import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { caseRecords, caseUploads } from '@dudao/schema/tables';
import type { Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { importCases } from '../src/services/cases/import-cases';
import { serviceContext, type ServiceContext } from '../src/services/context';
import { readTable } from '../src/services/files/table-reader';
import { ImportRejected, formatIssue } from '../src/services/import-errors';
import { townshipsOf } from '../src/services/org/units';
import { csv, xlsx } from './support/files';
import { freshDb } from './support/fresh-db';

let opened: Opened;
let ctx: ServiceContext;
beforeAll(async () => {
  opened = await freshDb();
  ctx = serviceContext(opened.db, builtinCampaign('anhui-2021'), systemActor);
});
afterAll(() => opened.close());

describe('case log import', () => {
  const header = ['case_id', 'kind', 'township_code', 'applied_on', 'decided_on'];

  test('a valid log is stored with its recorded time', async () => {
    const township = (await townshipsOf(ctx, ['340321']))[0]!.code;
    const table = await readTable(
      csv([header, ['A1', '低保', township, '2021-09-15', '2021-10-12'], ['A2', '特困', township, '2021-10-20', '']]),
      'cases.csv',
    );
    expect(await importCases(ctx, '340321', table, '2021-11-02T01:00:00.000Z', 'cases.csv')).toMatchObject({ rows: 2 });
    expect(await opened.db.select().from(caseUploads).get()).toMatchObject({
      uploadedAt: '2021-11-02T01:00:00.000Z',
      rowCount: 2,
    });
  });

  test('foreign townships, bad kinds, reversed dates and duplicate ids are refused, nothing written', async () => {
    const township = (await townshipsOf(ctx, ['340321']))[0]!.code;
    const rows = [
      header,
      ['B1', '低保', '340322100', '2021-09-15', '2021-10-12'],
      ['B2', '五保', township, '2021-09-15', ''],
      ['B3', '特困', township, '2021-10-15', '2021-10-12'],
      ['B1', '低保', township, '2021-09-15', ''],
    ];
    const before = (await opened.db.select({ n: count() }).from(caseRecords).get())!.n;
    const error = await readTable(csv(rows), 'c.csv')
      .then((t) => importCases(ctx, '340321', t, '2021-11-03T01:00:00.000Z', 'c.csv'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).issues.map(formatIssue)).toEqual([
      '第 2 行 乡镇（街道）代码：340322100 不属于怀远县',
      '第 3 行 类别：类别应为“低保”或“特困”',
      '第 4 行 办结日期：办结日期不能早于申请日期',
      '第 5 行 案件编号：B1 与第 2 行重复',
    ]);
    expect((await opened.db.select({ n: count() }).from(caseRecords).get())!.n).toBe(before);
  });

  test('the Chinese headers of the template are accepted like the English codes', async () => {
    const township = (await townshipsOf(ctx, ['340321']))[1]!.code;
    const chinese = ['案件编号', '类别', '乡镇（街道）代码', '申请日期', '办结日期'];
    const table = await readTable(
      await xlsx([
        chinese,
        ['C1', '低保', township, '2021-09-01', '2021-09-20'],
        ['C2', '特困', township, '2021-09-03', ''],
      ]),
      'cases.xlsx',
    );
    expect(await importCases(ctx, '340321', table, '2021-11-04T01:00:00.000Z', 'cases.xlsx')).toMatchObject({
      rows: 2,
    });
  });

  test('a file with neither header set is refused, naming the Chinese columns', async () => {
    const table = await readTable(
      csv([
        ['编号', '类别'],
        ['D1', '低保'],
      ]),
      'bad.csv',
    );
    await expect(importCases(ctx, '340321', table, '2021-11-04T01:00:00.000Z', 'bad.csv')).rejects.toThrow(
      '表头缺少列：案件编号、乡镇（街道）代码、申请日期、办结日期',
    );
  });
});
