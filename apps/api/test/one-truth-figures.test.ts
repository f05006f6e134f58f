import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { townshipsOf, villagesOf } from '../src/services/org/units';
import { cli } from './support/cli';
import { csv } from './support/files';
import { freshDb, freshLocation, tempPath } from './support/fresh-db';
import { augustValues, header, julyValues, lines } from './support/report-values';
import { rosterFor } from './support/roster';
import { docxPart } from './support/docx';
import ExcelJS from 'exceljs';

// 按时报送, the lagging count, coordinator coverage and a county's rank, read from `status --json` and from the
// city summary .docx that `report city` writes, at three dates, each against a figure worked out by hand below.

const CITY = '3403';
const X = '340321'; // 怀远县: July and August on time, a roster with 3 villages lacking a coordinator
const Y = '340322'; // 五河县: the same July as X (so they tie), August two days late, no roster
const Z = '340323'; // 固镇县: July three days late and slower processing, no August, no roster

type Timeliness = { period: string | null; onTime: number; late: number; missing: number };
type Json = {
  cities: { code: string; laggingCount: number; timeliness: Timeliness }[];
  counties: {
    code: string;
    name: string;
    cityCode: string;
    lagging: boolean;
    rankInCity: number | null;
    tiedInCity: boolean;
    indicators: Record<string, { value: number | null }>;
  }[];
};

/** The database location (a SQLite file or a postgres:// URL); the files the test writes go to `dir`. */
let db: string;
let dir: string;
let villagesX = 0;

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const texts = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');
const rowsOf = (xml: string) =>
  [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
    [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => texts(c[1] ?? '')),
  );

function statusAt(asOf: string): Json {
  const r = cli(['status', '--as-of', asOf, '--json'], db);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Json;
}

function summaryAt(asOf: string): { body: string; row: (name: string) => string[] } {
  const out = join(dir, `city-${asOf}.docx`);
  const r = cli(['report', 'city', '--city', CITY, '--as-of', asOf, '--out', out], db);
  expect(r.code, r.stderr).toBe(0);
  const xml = docxPart(readFileSync(out), 'word/document.xml')!;
  const body = texts(xml);
  const rows = rowsOf(xml);
  return { body, row: (name) => rows.find((cells) => cells[0] === name) ?? [] };
}

function submit(county: string, period: string, values: Record<string, string>, at: string) {
  const file = join(dir, `${county}-${period}.csv`);
  writeFileSync(file, csv([header, ...lines(county, period, values)]));
  const r = cli(['import', 'values', file, '--at', at, '--submit'], db);
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(async () => {
  db = await freshLocation();
  dir = dirname(tempPath());
  const opened = await freshDb(db);
  // Township shares are set to each county's own township count, so they are met in full and X and Y score alike.
  const full = async (county: string, values: Record<string, string>) => {
    const townships = String((await townshipsOf({ db: opened.db }, [county])).length);
    return { ...values, t03_townships_with_reserve: townships, t06_townships_delegated: townships };
  };
  villagesX = (await villagesOf({ db: opened.db }, X)).length;
  const township = (await townshipsOf({ db: opened.db }, [X]))[0]!.code;
  // X's case log: 08-02 → 08-31 takes 21 working days (08-03 … 08-31, weekdays only), over the 20-day limit;
  // 08-16 → 08-20 takes 4; 08-02 → 09-08 is decided after August, the period of X's newest report at 09-30.
  writeFileSync(
    join(dir, 'cases.csv'),
    csv([
      ['case_id', 'kind', 'township_code', 'applied_on', 'decided_on'],
      ['C1', '特困', township, '2021-08-02', '2021-08-31'],
      ['C2', '低保', township, '2021-08-16', '2021-08-20'],
      ['C3', '低保', township, '2021-08-02', '2021-09-08'],
    ]),
  );
  writeFileSync(
    join(dir, 'roster.csv'),
    csv(await rosterFor(opened.db, X, (row, i) => (i < 3 ? [row[0]!, row[1]!, 30, '是', 0, 0, '', 0] : row))),
  );
  const julyX = await full(X, julyValues);
  const julyY = await full(Y, julyValues);
  const julyZ = { ...(await full(Z, julyValues)), t06_avg_processing_days: '30.0' };
  const augustX = await full(X, augustValues);
  const augustY = await full(Y, augustValues);
  await opened.close();

  // July is due at the end of 08-05, August at the end of 09-05 (Beijing).
  submit(X, '2021-07', julyX, '2021-08-03T09:00:00+08:00');
  submit(Y, '2021-07', julyY, '2021-08-03T10:00:00+08:00');
  submit(Z, '2021-07', julyZ, '2021-08-08T09:00:00+08:00');
  expect(
    cli(['import', 'roster', join(dir, 'roster.csv'), '--county', X, '--at', '2021-08-20T10:00:00+08:00'], db).code,
  ).toBe(0);
  submit(X, '2021-08', augustX, '2021-09-03T09:00:00+08:00');
  const cases = cli(
    ['import', 'cases', join(dir, 'cases.csv'), '--county', X, '--at', '2021-09-10T10:00:00+08:00'],
    db,
  );
  expect(cases.code, cases.stderr).toBe(0);
  submit(Y, '2021-08', augustY, '2021-09-07T09:00:00+08:00');
}, 900_000);

// Every step spawns the real CLI, which is slow on a busy machine; no assertion depends on time.
describe('the same figures in status --json and in the city summary', { timeout: 300_000 }, () => {
  test('2021-08-04: nothing is due yet, nobody lags, X and Y tie at the top', () => {
    const s = statusAt('2021-08-04');
    const doc = summaryAt('2021-08-04');
    const city = s.cities.find((c) => c.code === CITY)!;
    const x = s.counties.find((c) => c.code === X)!;
    const y = s.counties.find((c) => c.code === Y)!;

    // 按时报送: no period is due before 08-05
    expect(city.timeliness).toEqual({ period: null, onTime: 0, late: 0, missing: 0 });
    expect(doc.body).not.toContain('按时报送');
    // lagging: only one red indicator each (2 over-limit cases; rosters not due before 08-05), nothing overdue
    expect(city.laggingCount).toBe(0);
    expect(doc.body).toContain('目前全市没有进展缓慢的县（市、区）');
    // coverage: no roster known, so nothing is said of it
    expect(x.indicators.t10_coordinator_coverage?.value ?? null).toBeNull();
    expect(doc.body).not.toContain('配备社会救助协理员');
    // rank: X and Y submitted the same figures; Z's late report is not known yet
    expect([x.rankInCity, x.tiedInCity, y.rankInCity, y.tiedInCity]).toEqual([1, true, 1, true]);
    expect(doc.row('怀远县')[2]).toBe('并列1');
    expect(doc.row('五河县')[2]).toBe('并列1');
  });

  test('2021-08-10: July 2 on time, 1 late, 4 missing; every county lags; X and Y still tie', () => {
    const s = statusAt('2021-08-10');
    const doc = summaryAt('2021-08-10');
    const city = s.cities.find((c) => c.code === CITY)!;
    const inCity = s.counties.filter((c) => c.cityCode === CITY);
    const x = inCity.find((c) => c.code === X)!;
    const z = inCity.find((c) => c.code === Z)!;

    // X and Y by 08-05, Z on 08-08, the other four of 蚌埠 nothing
    expect(city.timeliness).toEqual({ period: '2021-07', onTime: 2, late: 1, missing: inCity.length - 3 });
    // on time in 基本情况; late and missing named once, under 存在的问题 (six missing: more than five go to the annex)
    expect(inCity.length).toBe(9);
    expect(doc.body).toContain('2个县（市、区）按时报送2021年7月月度进展情况');
    expect(doc.body).toContain('2021年7月月报逾期报送的有固镇县');
    expect(doc.body).toContain('截至8月10日尚未报送2021年7月月报的有6个县（市、区）（名单见附件1）');
    // X, Y, Z: the over-limit cases plus three missing roster coverages = 4 red; the others miss everything
    expect(city.laggingCount).toBe(inCity.length);
    expect(doc.body).toContain(`目前全市进展缓慢的县（市、区）${inCity.length}个`);
    expect(doc.body).not.toContain('配备社会救助协理员');
    // X ties with Y for 第1名; Z's 30 days (above 20) puts it third
    expect([x.rankInCity, x.tiedInCity, z.rankInCity, z.tiedInCity]).toEqual([1, true, 3, false]);
    expect(doc.row('怀远县')[2]).toBe('并列1');
    expect(doc.row('固镇县')[2]).toBe('3');
  });

  test('2021-09-30: August 1 on time, 1 late; X alone is not lagging; its coverage is (villages − 3) / villages', () => {
    const s = statusAt('2021-09-30');
    const doc = summaryAt('2021-09-30');
    const city = s.cities.find((c) => c.code === CITY)!;
    const inCity = s.counties.filter((c) => c.cityCode === CITY);
    const x = inCity.find((c) => c.code === X)!;

    // X on 09-03, Y on 09-07 (late, though inside late_report's 5-day grace), nobody else
    expect(city.timeliness).toEqual({ period: '2021-08', onTime: 1, late: 1, missing: inCity.length - 2 });
    expect(doc.body).toContain('1个县（市、区）按时报送2021年8月月度进展情况');
    expect(doc.body).toContain('2021年8月月报逾期报送的有五河县');
    expect(doc.body).toContain('尚未报送2021年8月月报的有7个县（市、区）（名单见附件1）');
    // X: its roster is in, so only the over-limit cases stay red; Y: 4 red; everyone else lacks August
    expect(inCity.filter((c) => !c.lagging).map((c) => c.code)).toEqual([X]);
    expect(city.laggingCount).toBe(inCity.length - 1);
    expect(doc.body).toContain(`进展缓慢的县（市、区）${inCity.length - 1}个`);
    // coverage: X is the only roster in 蚌埠, so the city's coverage is X's: 怀远 has 369 villages, 366 covered,
    // 366 / 369 = 99.187 % → 99.2 %
    expect(villagesX).toBe(369);
    expect(x.indicators.t10_coordinator_coverage?.value).toBeCloseTo(366 / 369, 12);
    expect(doc.body).toContain('369个村（社区）中366个配备社会救助协理员，配备率99.2%');
    expect(doc.row('怀远县')[3]).toBe('99.2%');
    // X now leads alone: Y has no roster, so its T10 scores 0
    expect([x.rankInCity, x.tiedInCity]).toEqual([1, false]);
    expect(doc.row('怀远县')[2]).toBe('1');
  });
});

/** One column of the annex, found by (part of) its Chinese header in any sheet: each row's county, period and value. */
async function annexColumn(
  file: string,
  header: string,
): Promise<{ county: string; period: string; value: unknown }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const text = (v: unknown) =>
    v && typeof v === 'object' && 'richText' in v
      ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
      : String(v ?? '');
  for (const sheet of book.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 6); r++) {
      const cells = Array.from(sheet.getRow(r).values as unknown[], text);
      const col = cells.findIndex((c) => c.replace(/\s/g, '').includes(header));
      const county = cells.findIndex((c) => c.replace(/\s/g, '') === '县（市、区）');
      const period = cells.findIndex((c) => c.replace(/\s/g, '') === '期间');
      if (col < 0 || county < 0 || period < 0) continue;
      const rows: { county: string; period: string; value: unknown }[] = [];
      for (let i = r + 1; i <= sheet.rowCount; i++) {
        const row = sheet.getRow(i);
        if (!text(row.getCell(county).value)) continue;
        rows.push({
          county: text(row.getCell(county).value),
          period: text(row.getCell(period).value),
          value: row.getCell(col).value,
        });
      }
      return rows;
    }
  }
  throw new Error(`附件中没有表头含“${header}”的列`);
}

/** Each county's newest period row: the figure the summary's total adds up. */
function newest(rows: { county: string; period: string; value: unknown }[]): Map<string, unknown> {
  const out = new Map<string, { period: string; value: unknown }>();
  for (const r of rows) if (!out.has(r.county) || out.get(r.county)!.period < r.period) out.set(r.county, r);
  return new Map([...out].map(([k, v]) => [k, v.value]));
}

describe('the city summary and its Excel annex agree on every figure they share', { timeout: 300_000 }, () => {
  test("2021-09-30: over-limit cases from X's case log in both (1, not the reported 3); 临时救助 adds up", async () => {
    const doc = summaryAt('2021-09-30');
    const file = join(dir, 'annex-2021-09-30.xlsx');
    const r = cli(['report', 'annex', '--unit', CITY, '--as-of', '2021-09-30', '--out', file], db);
    expect(r.code, r.stderr).toBe(0);

    // 超过20个工作日办结: X 1 (C1 only: C3 came after August), Y 3 (August), Z 2 (July) = 6
    const over = await annexColumn(file, '超过20个工作日办结');
    expect(Object.fromEntries(newest(over))).toEqual({ 怀远县: 1, 五河县: 3, 固镇县: 2 });
    // X's July row: no case of its log was decided by 07-31
    expect(over.find((row) => row.county === '怀远县' && row.period === '2021-07')?.value).toBe(0);
    expect(doc.body).toContain('超过20个工作日办结6件');
    expect(doc.body).not.toContain('超过20个工作日办结8件');

    // 临时救助人次: X 260 and Y 260 (August), Z 200 (July) = 720
    const aid = await annexColumn(file, '临时救助人次');
    expect(Object.fromEntries(newest(aid))).toEqual({ 怀远县: 260, 五河县: 260, 固镇县: 200 });
    expect(doc.body).toContain('7月以来实施临时救助720人次');
  });
});
