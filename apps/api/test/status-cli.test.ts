import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openDb } from '../src/db/client';
import { cli } from './support/cli';
import { freshLocation, tempPath } from './support/fresh-db';
import { header, julyValues, lines } from './support/report-values';
import { rosterFor } from './support/roster';
import { csv } from './support/files';

const HUAIYUAN = '340321';
/** The database location (a SQLite file or a postgres:// URL); the files the test writes go to `dir`. */
let db: string;
let dir: string;

function statusJson(asOf: string) {
  const r = cli(['status', '--as-of', asOf, '--json'], db);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    province: { timeliness: Timeliness };
    cities: { code: string; rank: number | null; rankTied: boolean; timeliness: Timeliness }[];
    counties: {
      code: string;
      cityCode: string;
      score: number;
      rankInCity: number | null;
      rankInProvince: number | null;
      tiedInCity: boolean;
      tiedInProvince: boolean;
      taskScores: Record<string, number | null>;
      indicators: Record<string, { value: number; expected: number; status: string; score: number | null }>;
      gates: Record<string, string>;
      lagging: boolean;
      reasons: { code: string; text: string }[];
    }[];
  };
}
type Timeliness = { period: string | null; onTime: number; late: number; missing: number };
const county = (s: ReturnType<typeof statusJson>) => s.counties.find((c) => c.code === HUAIYUAN)!;

beforeAll(async () => {
  db = await freshLocation();
  dir = dirname(tempPath());
  writeFileSync(join(dir, 'july.csv'), csv([header, ...lines(HUAIYUAN, '2021-07', julyValues)]));
  expect(
    cli(['import', 'values', join(dir, 'july.csv'), '--at', '2021-08-03T09:00:00+08:00', '--submit'], db).code,
  ).toBe(0);
});

describe('pnpm cli status on a small database built by import --at --submit', () => {
  test('on 2021-08-10 the July report is judged on 07-31 against the 序时进度', () => {
    const huaiyuan = county(statusJson('2021-08-10'));
    // July ramp: (07-31 − 07-15) / (10-31 − 07-15) = 16 / 108
    expect(huaiyuan.indicators.t02_incapable_covered).toMatchObject({
      value: 700 / 800,
      expected: 16 / 108,
      status: 'green',
      score: 100,
    });
    // 90/100 against the flat 95 % share: r = 0.9 / 0.95 = 0.947 → amber
    expect(huaiyuan.indicators.t04_warnings_handled!.status).toBe('amber');
    expect(huaiyuan.indicators.t04_warnings_handled!.score).toBeCloseTo(90 / 0.95, 9);
    expect(huaiyuan.indicators.t04_departments_sharing).toMatchObject({ status: 'amber', score: null });
    expect(huaiyuan.indicators.t06_over_limit_cases).toMatchObject({ status: 'red', score: 0 });
    expect(huaiyuan.indicators.t10_coordinator_coverage).toMatchObject({ status: 'missing', score: 0 });
    // T06: (100 + 100 + 100 + 0) / 4; T04: (100 + 94.737) / 2; T10: three missing roster coverages
    expect(huaiyuan.taskScores).toMatchObject({ T01: null, T06: 75, T10: 0 });
    expect(huaiyuan.taskScores.T04).toBeCloseTo((100 + 9000 / 95) / 2, 9);
    const composite = (100 + 100 + (100 + 9000 / 95) / 2 + 100 + 75 + 100 + 100 + 100 + 0 + 100) / 10;
    expect(huaiyuan.score).toBeCloseTo(composite, 9);
    expect(huaiyuan.gates).toEqual({
      m1_plan_issued: 'met',
      m2_coordinators: 'pending',
      m3_stations: 'pending',
      m4_supervised: 'n/a',
    });
    expect(huaiyuan.reasons.map((r) => r.code)).toEqual(['many_red']);
  });

  test('later writes never change an earlier answer, and do change the later one', async () => {
    const before = statusJson('2021-08-10');
    writeFileSync(join(dir, 'fix.csv'), csv([header, [HUAIYUAN, '2021-07', 't06_over_limit_cases', '0', '']]));
    expect(
      cli(['import', 'values', join(dir, 'fix.csv'), '--at', '2021-09-20T10:00:00+08:00', '--submit'], db).code,
    ).toBe(0);
    const opened = await openDb(db);
    writeFileSync(join(dir, 'roster.csv'), csv(await rosterFor(opened.db, HUAIYUAN)));
    await opened.close();
    expect(
      cli(['import', 'roster', join(dir, 'roster.csv'), '--county', HUAIYUAN, '--at', '2021-09-25T10:00:00+08:00'], db)
        .code,
    ).toBe(0);

    expect(statusJson('2021-08-10')).toEqual(before);
    const later = county(statusJson('2021-09-30'));
    // The resubmission clears the over-limit cases; the roster covers every village: (09-30 − 07-15) = 77 of 108 days expected
    expect(later.taskScores).toMatchObject({ T06: 100, T10: 100 });
    expect(later.indicators.t10_coordinator_coverage).toMatchObject({ value: 1, expected: 77 / 108, status: 'green' });
    expect(later.indicators.t10_station_coverage!.score).toBeNull();
    expect(later.score).toBeCloseTo((900 + (100 + 9000 / 95) / 2) / 10, 9);
    // August's report was due 09-05 and is still not known on 09-30
    expect(later.reasons.map((r) => r.code)).toEqual(['late_report']);
  });

  test('before the first report is due (08-05) nobody is counted for timeliness, and the unscored have no rank', () => {
    const s = statusJson('2021-08-04');
    expect(s.province.timeliness).toEqual({ period: null, onTime: 0, late: 0, missing: 0 });
    // only 怀远 has a report known (pending elsewhere): it alone is scored and ranked
    expect([county(s).rankInCity, county(s).rankInProvince]).toEqual([1, 1]);
    const other = s.counties.find((c) => c.code === '340302')!;
    expect([other.score, other.rankInCity, other.rankInProvince]).toEqual([null, null, null]);
  });

  test('on 08-10 July (due 08-05) was sent on time by 怀远 only; everyone else is missing and shares the next rank', () => {
    const s = statusJson('2021-08-10');
    const inBengbu = s.counties.filter((c) => c.cityCode === '3403').length;
    expect(s.cities.find((c) => c.code === '3403')!.timeliness).toEqual({
      period: '2021-07',
      onTime: 1,
      late: 0,
      missing: inBengbu - 1,
    });
    expect(s.province.timeliness).toEqual({ period: '2021-07', onTime: 1, late: 0, missing: s.counties.length - 1 });
    // every other county scores 0 (all figures missing): competition ranking puts them all at 第2名, tied
    const other = s.counties.find((c) => c.code === '340302')!;
    expect([other.score, other.rankInCity, other.tiedInCity, other.rankInProvince, other.tiedInProvince]).toEqual([
      0,
      2,
      true,
      2,
      true,
    ]);
    // 蚌埠 has the only county above 0, so it alone ranks first among cities; the rest tie at 0
    expect(s.cities.find((c) => c.code === '3403')).toMatchObject({ rank: 1, rankTied: false });
    expect(s.cities.find((c) => c.code === '3401')).toMatchObject({ rank: 2, rankTied: true });
  });

  test('the readable table is in Chinese, ranked, with reasons', () => {
    const r = cli(['status', '--as-of', '2021-08-10', '--unit', '3403'], db);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('蚌埠市 截至 2021-08-10');
    expect(r.stdout).toContain(
      '第1名\t第1名\t怀远县\t蚌埠市\t87.2\t是\t4 项指标未达到序时进度要求（其中 3 项未报送）：' +
        '超过20个工作日办结件数、村级社会救助协理员配备率、符合条件村（社区）服务站（点）建成率、村（居）委会明确民政工作负责人比例',
    );
    expect(r.stdout).toMatch(/并列第2名\t并列第2名\t蚌山区/);
  });

  test('a bad import prints every error with its row and exits 1', () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      csv([header, [HUAIYUAN, '2021-08', 't01_tekun', '-1', ''], [HUAIYUAN, '2021-08', 'nope', '1', '']]),
    );
    const r = cli(['import', 'values', join(dir, 'bad.csv')], db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('导入失败：共 2 处错误，未写入任何数据');
    expect(r.stderr).toContain('第 2 行 t01_tekun（特困人员人数）：应为非负整数，实际为“-1”');
    expect(r.stderr).toContain('第 3 行 indicator：指标代码 nope 不存在');
  });
});
