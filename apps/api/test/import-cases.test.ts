import { currentCampaign } from '../src/services/campaign/store';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseRecords, caseUploads } from '@dudao/schema/tables';
import type { Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { importCases } from '../src/services/cases/import-cases';
import { readTable } from '../src/services/files/table-reader';
import { ImportRejected, formatIssue } from '../src/services/import-errors';
import { townshipsOf } from '../src/services/org/units';
import { csv, xlsx } from './support/files';
import { freshDb } from './support/fresh-db';

let opened: Opened;
beforeAll(async () => {
  opened = await freshDb();
});
afterAll(() => opened.close());

describe('case log import', () => {
  const header = ['case_id', 'kind', 'township_code', 'applied_on', 'decided_on'];

  test('a valid log is stored with its recorded time', async () => {
    const township = townshipsOf(opened.db, ['340321'])[0]!.code;
    const table = await readTable(csv([header, ['A1', '低保', township, '2021-09-15', '2021-10-12'], ['A2', '特困', township, '2021-10-20', '']]), 'cases.csv');
    expect(importCases(opened.db, currentCampaign(opened.db), '340321', table, systemActor, '2021-11-02T01:00:00.000Z', 'cases.csv')).toMatchObject({ rows: 2 });
    expect(opened.db.select().from(caseUploads).get()).toMatchObject({ uploadedAt: '2021-11-02T01:00:00.000Z', rowCount: 2 });
  });

  test('foreign townships, bad kinds, reversed dates and duplicate ids are refused, nothing written', async () => {
    const township = townshipsOf(opened.db, ['340321'])[0]!.code;
    const rows = [header, ['B1', '低保', '340322100', '2021-09-15', '2021-10-12'], ['B2', '五保', township, '2021-09-15', ''], ['B3', '特困', township, '2021-10-15', '2021-10-12'], ['B1', '低保', township, '2021-09-15', '']];
    const before = opened.db.select({ n: count() }).from(caseRecords).get()!.n;
    const error = await readTable(csv(rows), 'c.csv').then((t) => importCases(opened.db, currentCampaign(opened.db), '340321', t, systemActor, '2021-11-03T01:00:00.000Z', 'c.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).issues.map(formatIssue)).toEqual([
      '第 2 行 乡镇（街道）代码：340322100 不属于怀远县',
      '第 3 行 类别：类别应为“低保”或“特困”',
      '第 4 行 办结日期：办结日期不能早于申请日期',
      '第 5 行 案件编号：B1 与第 2 行重复',
    ]);
    expect(opened.db.select({ n: count() }).from(caseRecords).get()!.n).toBe(before);
  });

  test('the Chinese headers of the template are accepted like the English codes', async () => {
    const township = townshipsOf(opened.db, ['340321'])[1]!.code;
    const chinese = ['案件编号', '类别', '乡镇（街道）代码', '申请日期', '办结日期'];
    const table = await readTable(await xlsx([chinese, ['C1', '低保', township, '2021-09-01', '2021-09-20'], ['C2', '特困', township, '2021-09-03', '']]), 'cases.xlsx');
    expect(importCases(opened.db, currentCampaign(opened.db), '340321', table, systemActor, '2021-11-04T01:00:00.000Z', 'cases.xlsx')).toMatchObject({ rows: 2 });
  });

  test('a file with neither header set is refused, naming the Chinese columns', async () => {
    const table = await readTable(csv([['编号', '类别'], ['D1', '低保']]), 'bad.csv');
    expect(() => importCases(opened.db, currentCampaign(opened.db), '340321', table, systemActor, '2021-11-04T01:00:00.000Z', 'bad.csv')).toThrow('表头缺少列：案件编号、乡镇（街道）代码、申请日期、办结日期');
  });
});
