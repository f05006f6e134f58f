import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { auditLog, monthlyReports, reportSubmissions, reportValues } from '@dudao/schema/tables';
import type { Db, Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { serviceContext } from '../src/services/context';
import { readTable } from '../src/services/files/table-reader';
import { ImportRejected, formatIssue } from '../src/services/import-errors';
import { valueLines, valuesCsv, valuesXlsx } from '../src/services/reports/export-values';
import { importValues } from '../src/services/reports/import-values';
import { freshDb } from './support/fresh-db';
import { csv, xlsx } from './support/files';
import { augustValues, header, julyValues, lines, type Line } from './support/report-values';

const HUAIYUAN = '340321';
const LINQUAN = '341221';
let opened: Opened;
const campaign = builtinCampaign('anhui-2021');
const ctxOf = (db: Db) => serviceContext(db, campaign, systemActor);

async function load(rows: Line[], options = { submit: false }, at = '2021-08-03T01:00:00.000Z', db = opened.db) {
  const table = await readTable(csv([header, ...rows]), 'values.csv');
  return importValues(ctxOf(db), table, options, at);
}

async function tableCounts(db = opened.db) {
  return {
    reports: (await db.select({ n: count() }).from(monthlyReports).get())!.n,
    values: (await db.select({ n: count() }).from(reportValues).get())!.n,
    audit: (await db.select({ n: count() }).from(auditLog).get())!.n,
  };
}

async function rejection(rows: Line[], options = { submit: false }): Promise<string[]> {
  const before = await tableCounts();
  const error = await load(rows, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejected);
  expect(await tableCounts()).toEqual(before);
  return (error as ImportRejected).issues.map(formatIssue);
}

beforeAll(async () => {
  opened = await freshDb();
  await load(lines(HUAIYUAN, '2021-07', julyValues), { submit: true }, '2021-08-03T01:00:00.000Z');
});
afterAll(() => opened.close());

describe('import values: back-fill', () => {
  test('a back-filled write carries its --at time, and --submit marks the report submitted then', async () => {
    const report = (await opened.db
      .select()
      .from(monthlyReports)
      .where(eq(monthlyReports.countyCode, HUAIYUAN))
      .get())!;
    expect(report).toMatchObject({
      period: '2021-07',
      state: 'submitted',
      firstSubmittedAt: '2021-08-03T01:00:00.000Z',
      dueOn: '2021-08-05',
    });
    const values = await opened.db.select().from(reportValues).where(eq(reportValues.reportId, report.id)).all();
    expect(values).toHaveLength(Object.keys(julyValues).length);
    expect(new Set(values.map((v) => v.recordedAt))).toEqual(new Set(['2021-08-03T01:00:00.000Z']));
    const submissions = await opened.db
      .select()
      .from(reportSubmissions)
      .where(eq(reportSubmissions.reportId, report.id))
      .all();
    expect(submissions.map((s) => s.submittedAt)).toEqual(['2021-08-03T01:00:00.000Z']);
    const audited = await opened.db.select().from(auditLog).where(eq(auditLog.unitCode, HUAIYUAN)).all();
    expect(audited.find((a) => a.field === 't01_dibao_urban')).toMatchObject({
      at: '2021-08-03T01:00:00.000Z',
      oldValue: null,
      newValue: '1200',
      actor: systemActor.label,
    });
  });
});

describe('import values: all-or-nothing validation', () => {
  const aug = (patch: Record<string, string>, comments: Record<string, string> = {}) =>
    lines(HUAIYUAN, '2021-08', { ...augustValues, ...patch }, comments);
  const rowOf = (rows: Line[], indicator: string) => rows.findIndex((r) => r[2] === indicator) + 2;

  test('a part larger than its whole is refused (t02_incapable_covered 900 > identified 800)', async () => {
    const rows = aug({ t02_incapable_covered: '900' });
    const issues = await rejection(rows);
    expect(issues).toEqual([
      `第 ${rowOf(rows, 't02_incapable_covered')} 行 t02_incapable_covered（其中已纳入低保或特困人数）：340321 2021-08：不能大于脱贫人口中丧失劳动能力、无法稳定增收人数（900 > 800）`,
    ]);
  });

  test('township counts cannot exceed the county’s 23 townships', async () => {
    const issues = await rejection(aug({ t03_townships_with_reserve: '24' }));
    expect(issues.join()).toContain('不能大于本县乡镇（街道）总数（24 > 23）');
  });

  test('a flow never decreases from July (200) to August (150)', async () => {
    const issues = await rejection(aug({ t03_temp_aid_cases: '150' }));
    expect(issues.join()).toContain(
      't03_temp_aid_cases（临时救助人次）：340321 2021-08：为自7月1日起的累计数，不能小于上期（200），本期为 150',
    );
  });

  test('average processing days must lie in 0–120', async () => {
    const issues = await rejection(aug({ t06_avg_processing_days: '130' }));
    expect(issues.join()).toContain('应在 0–120 之间，实际为 130');
  });

  test('a stock moving more than 50 % needs a comment: 1200 → 1900 is 58 %', async () => {
    const issues = await rejection(aug({ t01_dibao_urban: '1900' }));
    expect(issues.join()).toContain('较上期变动 58%（1200 → 1900），超过 50%，须填写说明');
  });

  test('unknown codes, units, periods, bad values and duplicates are each named with their row', async () => {
    const rows: Line[] = [
      [HUAIYUAN, '2021-08', 't99_nothing', '1', ''],
      ['349999', '2021-08', 't01_tekun', '1', ''],
      [HUAIYUAN, '2021-13', 't01_tekun', '1', ''],
      [HUAIYUAN, '2021-08', 't01_tekun', 'abc', ''],
      [HUAIYUAN, '2021-08', 't04_platform_live', '也许', ''],
      [HUAIYUAN, '2021-08', 't10_coordinator_coverage', '1', ''],
      [LINQUAN, '2021-08', 't01_dibao_urban', '10', ''],
      [LINQUAN, '2021-08', 't01_dibao_urban', '11', ''],
    ];
    expect(await rejection(rows)).toEqual([
      '第 2 行 indicator：指标代码 t99_nothing 不存在',
      '第 3 行 unit_code：单位代码 349999 不是本省的县级单位',
      '第 4 行 period：期间格式应为 YYYY-MM（月报，例如 2021-07）或 YYYY-Qn（季报，例如 2022-Q1）',
      '第 5 行 t01_tekun（特困人员人数）：应为非负整数，实际为“abc”',
      '第 6 行 t04_platform_live（低收入人口动态监测信息平台建成）：应为“是/否”或 true/false，实际为“也许”',
      '第 7 行 indicator：指标 t10_coordinator_coverage（村级社会救助协理员配备率）由系统计算，不能导入',
      '第 9 行 t01_dibao_urban（城市低保对象人数）：与第 8 行重复',
    ]);
  });

  test('--submit refuses a report missing a targeted indicator', async () => {
    const { t04_departments_sharing: _dropped, ...rest } = julyValues;
    const issues = await rejection(lines(LINQUAN, '2021-07', rest), { submit: true });
    expect(issues).toEqual([
      't04_departments_sharing（实现数据共享的部门数）：341221 2021-07：为考核指标，报送前必须填写',
    ]);
  });

  test('the same stock move with a comment is accepted', async () => {
    const result = await load(aug({ t01_dibao_urban: '1900' }, { t01_dibao_urban: '城区低保扩面，新增认定700人' }));
    expect(result).toMatchObject({ reports: 1, submitted: 0 });
  });
});

describe('export values', () => {
  test('export → reset → import → export is identical, through CSV and through XLSX', async () => {
    const first = await valueLines(ctxOf(opened.db), '34');
    expect(first.length).toBeGreaterThan(90);
    expect(first.find((l) => l[2] === 't01_dibao_urban' && l[1] === '2021-08')).toEqual([
      HUAIYUAN,
      '2021-08',
      't01_dibao_urban',
      '1900',
      '城区低保扩面，新增认定700人',
    ]);
    for (const [name, file] of [
      ['values.csv', Buffer.from(valuesCsv(first))],
      ['values.xlsx', await valuesXlsx(first)],
    ] as const) {
      const again = await freshDb();
      await importValues(ctxOf(again.db), await readTable(file, name), { submit: false }, '2021-12-01T00:00:00.000Z');
      expect(await valueLines(ctxOf(again.db), '34')).toEqual(first);
      await again.close();
    }
  });

  test('xlsx imports read the same as csv', async () => {
    const again = await freshDb();
    const file = await xlsx([header, ...lines(LINQUAN, '2021-07', julyValues)]);
    await importValues(ctxOf(again.db), await readTable(file, 'v.xlsx'), { submit: true }, '2021-08-02T00:00:00.000Z');
    expect(await valueLines(ctxOf(again.db), LINQUAN)).toHaveLength(Object.keys(julyValues).length);
    await again.close();
  });
});
