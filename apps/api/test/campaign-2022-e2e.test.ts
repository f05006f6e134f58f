import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliAsync as cli } from './support/async-cli';
import { docxPart, docxParagraphs } from './support/docx';
import { freshLocation, tempPath } from './support/fresh-db';
import { csv, xlsx } from './support/files';
import { sessionOf, startServer } from './support/http';
import { header, julyValues, lines } from './support/report-values';
import { rosterFor, type RosterCells } from './support/roster';

// The second plan shipped in the repo, run end to end beside anhui-2021 in one database: 2022 季报 for three counties
// of 蚌埠市 and a village roster for 怀远县 go in through the CLI and the upload route, and status --json, the city
// summary and the 2021 campaign are checked against figures worked out by hand from campaigns/anhui-2022.yaml.

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;

const shipped2022 = join(dirname(fileURLToPath(import.meta.url)), '../../../campaigns/anhui-2022.yaml');
const ASOF = '2022-07-20';
const CITY = '3403'; // 蚌埠市: 9 county-level units
const HUAIYUAN = '340321'; // 怀远县: 369 villages in the org tree, the roster county
const WUHE = '340322'; // 五河县: Q2 five days late, no roster
const GUZHEN = '340323'; // 固镇县: Q1 only, no roster
const NOTHING = '340302'; // 龙子湖区: nothing reported at all
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

/** One county's 季报 as the long CSV rows (unit_code, period, indicator, value, comment). */
const quarter = (county: string, period: string, v: Record<string, string>) => lines(county, period, v);

// Q1 and Q2 of each county; flows (k2_*, k3_over_limit, k5_found_persons, k6_events) only grow, stocks move < 60 %.
const q1 = {
  [HUAIYUAN]: {
    p1_plan_on: '2022-03-15',
    k1_low_income_identified: '950',
    k1_low_income_covered: '880',
    k2_temp_aid_cases: '180',
    k2_temp_aid_fast: '130',
    k3_avg_days: '13',
    k3_over_limit: '0',
    k5_hotline_live: '否',
    k5_found_persons: '30',
    k6_events: '1',
  },
  [WUHE]: {
    p1_plan_on: '2022-04-06',
    k1_low_income_identified: '780',
    k1_low_income_covered: '500',
    k2_temp_aid_cases: '90',
    k2_temp_aid_fast: '40',
    k3_avg_days: '19',
    k3_over_limit: '1',
    k5_hotline_live: '否',
    k5_found_persons: '10',
    k6_events: '2',
  },
  [GUZHEN]: {
    p1_plan_on: '2022-03-28',
    k1_low_income_identified: '600',
    k1_low_income_covered: '500',
    k2_temp_aid_cases: '60',
    k2_temp_aid_fast: '54',
    k3_avg_days: '14',
    k3_over_limit: '0',
    k5_hotline_live: '否',
    k5_found_persons: '12',
    k6_events: '1',
  },
};
const q2 = {
  [HUAIYUAN]: {
    p1_plan_on: '2022-03-15',
    k1_low_income_identified: '1000',
    k1_low_income_covered: '950',
    k2_temp_aid_cases: '400',
    k2_temp_aid_fast: '300',
    k3_avg_days: '12',
    k3_over_limit: '0',
    k5_hotline_live: '是',
    k5_found_persons: '80',
    k6_events: '3',
  },
  [WUHE]: {
    p1_plan_on: '2022-04-06',
    k1_low_income_identified: '800',
    k1_low_income_covered: '520',
    k2_temp_aid_cases: '200',
    k2_temp_aid_fast: '100',
    k3_avg_days: '18',
    k3_over_limit: '1',
    k5_hotline_live: '否',
    k5_found_persons: '25',
    k6_events: '5',
  },
};

/** 怀远县's villages: the first two have 120 and 150 long-term recipients and a station each, the first 100 a full-time coordinator; the last `noMember` have no 民政 member. */
async function huaiyuanRoster(server: Server, noMember: number): Promise<RosterCells[]> {
  const rows = await rosterFor(server.db, HUAIYUAN);
  const villages = rows.length - 1;
  return await rosterFor(server.db, HUAIYUAN, (r, i) => [
    r[0]!,
    r[1]!,
    i === 0 ? 120 : i === 1 ? 150 : 30,
    i >= villages - noMember ? '否' : '是',
    1,
    i < 100 ? 1 : 0,
    1200,
    i < 2 ? 1 : 0,
  ]);
}

interface CountyJson {
  code: string;
  score: number | null;
  taskScores: Record<string, number | null>;
  indicators: Record<string, { value: number | null; status: string | null; score: number | null }>;
  gates: Record<string, string>;
  lagging: boolean;
  watch: boolean;
  reasons: { code: string; text: string }[];
  rankInCity: number | null;
  tiedInCity: boolean;
}
interface StatusJson {
  cities: {
    code: string;
    score: number | null;
    laggingCount: number;
    gates: Record<string, string>;
    timeliness: unknown;
  }[];
  counties: CountyJson[];
}

// The CLI runs in a child process that does not block this one, so the in-process server keeps its connections.
async function statusJson(dbPath: string, campaign: string): Promise<StatusJson> {
  const r = await cli(['status', '--json', '--campaign', campaign, '--as-of', ASOF, '--unit', CITY], dbPath);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as StatusJson;
}

async function importFile(dbPath: string, name: string, rows: (string | number)[][], args: string[]): Promise<string> {
  // A file of its own beside no database: the location may be a postgres:// URL.
  const path = tempPath(name);
  writeFileSync(path, csv(rows));
  const r = await cli(['import', ...args.slice(0, 1), path, ...args.slice(1)], dbPath);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

let server: Server;
let dbPath: string;
let officer2021: Session;
let officer2022: Session;
let before2021: { status: StatusJson; reports: unknown; documents: unknown };
let status2022: StatusJson;
let villages: number;

beforeAll(async () => {
  dbPath = await freshLocation();
  server = await startServer(dbPath);

  // Both shipped plans are installed in the tree database (db:reset installs every campaigns/*.yaml); a bureau
  // installing the 2022 file again gets no new version.
  let list = (await cli(['campaign', 'list'], dbPath)).stdout;
  if (!list.includes('anhui-2022')) {
    expect((await cli(['campaign', 'install', shipped2022], dbPath)).code).toBe(0);
    list = (await cli(['campaign', 'list'], dbPath)).stdout;
  }
  const again = await cli(['campaign', 'install', shipped2022], dbPath);
  expect(again.stdout).toContain('anhui-2022 第 1 版与文件相同，未新建版本');
  expect(list).toMatch(/anhui-2021 {2}第 1 版 {2}安徽省社会救助工作便民惠民优化服务行动 {2}2021-07-01 至 2021-12-31/);
  expect(list).toMatch(/anhui-2022 {2}第 1 版 {2}安徽省社会救助服务提质增效行动 {2}2022-01-01 至 2022-12-31/);

  // anhui-2021 has one July 月报 of 怀远县 (1200 urban dibao), submitted in 2021.
  await server.setTime(at('2021-08-03T10:00:00'));
  await importFile(
    dbPath,
    'july-2021.csv',
    [header, ...lines(HUAIYUAN, '2021-07', julyValues)],
    ['values', '--submit', '--campaign', 'anhui-2021', '--at', '2021-08-02T10:00:00+08:00'],
  );

  // The clock moves on to 2022-07-20 10:00; what anhui-2021 shows on that day before any 2022 data exists.
  await server.setTime(at(`${ASOF}T10:00:00`));
  officer2021 = await sessionOf(server.url, 'bengbu', 'anhui-2021');
  officer2022 = await sessionOf(server.url, 'bengbu', 'anhui-2022');
  before2021 = {
    status: await statusJson(dbPath, 'anhui-2021'),
    reports: await officer2021.trpc.reports.list.query({ unit: CITY, asOf: ASOF }),
    documents: await officer2021.trpc.documents.list.query({ unit: CITY, asOf: ASOF }),
  };

  // The 2022 history, back-filled by the bureau with --at: Q1 of 怀远 and 五河 on time (due 04-10), 固镇 on 04-12;
  // Q2 of 怀远 on 07-08 (due 07-10), 五河 on 07-15; 固镇 sends no Q2.
  const campaign = ['--campaign', 'anhui-2022', '--submit'];
  expect(
    await importFile(
      dbPath,
      'q1-a.csv',
      [header, ...quarter(HUAIYUAN, '2022-Q1', q1[HUAIYUAN]), ...quarter(WUHE, '2022-Q1', q1[WUHE])],
      ['values', ...campaign, '--at', '2022-04-08T10:00:00+08:00'],
    ),
  ).toContain('导入成功：20 行');
  await importFile(
    dbPath,
    'q1-b.csv',
    [header, ...quarter(GUZHEN, '2022-Q1', q1[GUZHEN])],
    ['values', ...campaign, '--at', '2022-04-12T10:00:00+08:00'],
  );
  await importFile(
    dbPath,
    'q2-a.csv',
    [header, ...quarter(HUAIYUAN, '2022-Q2', q2[HUAIYUAN])],
    ['values', ...campaign, '--at', '2022-07-08T10:00:00+08:00'],
  );
  await importFile(
    dbPath,
    'q2-b.csv',
    [header, ...quarter(WUHE, '2022-Q2', q2[WUHE])],
    ['values', ...campaign, '--at', '2022-07-15T10:00:00+08:00'],
  );

  // 怀远县's roster: complete on 05-01 (before the 06-30 member deadline), by the CLI; on 07-20 the clerk uploads
  // through the dashboard's route a newer one in which the last 9 villages have lost their 民政 member.
  const may = await huaiyuanRoster(server, 0);
  villages = may.length - 1;
  expect(
    await importFile(dbPath, 'roster-may.csv', may, [
      'roster',
      '--county',
      HUAIYUAN,
      '--campaign',
      'anhui-2022',
      '--at',
      '2022-05-01T10:00:00+08:00',
    ]),
  ).toContain(`村级台账导入成功：${villages} 个村（社区）`);
  const clerk = await sessionOf(server.url, 'huaiyuan', 'anhui-2022');
  const upload = await fetch(`${server.url}/files/roster?county=${HUAIYUAN}`, {
    method: 'POST',
    body: new Uint8Array(await xlsx(await huaiyuanRoster(server, 9))),
    headers: { cookie: clerk.cookie, 'x-file-name': 'roster.xlsx', 'x-dudao-campaign': 'anhui-2022' },
  });
  expect(upload.status, await upload.clone().text()).toBe(200);

  status2022 = await statusJson(dbPath, 'anhui-2022');
}, 300_000);
afterAll(() => server?.close());

const county = (code: string) => status2022.counties.find((c) => c.code === code)!;

describe('anhui-2022 end to end: status --json against figures worked out by hand', () => {
  test('the tree holds 369 villages in 怀远县 (the roster has one row each)', () => {
    expect(villages).toBe(369);
  });

  test('怀远县: indicators, task scores, composite score, gates; not lagging', () => {
    const c = county(HUAIYUAN);
    // Q2 (the latest 季报 due by 07-20) is judged on its quarter's end, 06-30.
    // k1 950/1000 = 0.95 against 0.9: r = 1.056 → green, 100. k2 300/400 = 0.75 against 0.8: r = 0.9375 ≥ 0.9 → green, 93.75.
    expect(c.indicators.k1_low_income_covered).toMatchObject({ value: 0.95, status: 'green', score: 100 });
    expect(c.indicators.k2_temp_aid_fast).toMatchObject({ value: 0.75, status: 'green', score: 93.75 });
    // 12 days ≤ 15 and 0 over the limit → green, 100 each; hotline 是 → met, 100.
    expect(c.indicators.k3_avg_days).toMatchObject({ value: 12, status: 'green', score: 100 });
    expect(c.indicators.k3_over_limit).toMatchObject({ value: 0, status: 'green', score: 100 });
    expect(c.indicators.k5_hotline_live).toMatchObject({ status: 'green', score: 100 });
    // 3 of 4 events before the 12-31 deadline → amber, not scored.
    expect(c.indicators.k6_events).toMatchObject({ value: 3, status: 'amber', score: null });
    // Roster figures are judged on 07-20 with the newest roster (07-20): 360 of 369 villages have a member; past the
    // 06-30 deadline short of 100 % → red, score 360/369 × 100 = 97.56.
    expect(c.indicators.r_member_coverage!.value).toBeCloseTo(360 / 369, 12);
    expect(c.indicators.r_member_coverage).toMatchObject({ status: 'red' });
    expect(c.indicators.r_member_coverage!.score).toBeCloseTo(36000 / 369, 9);
    // Stations: both eligible villages (≥ 100 recipients) have one: 2/2 = 1 ≥ the ramp's 200/272 → green, 100.
    expect(c.indicators.r_station_coverage).toMatchObject({ value: 1, status: 'green', score: 100 });
    // Shown only: 100 villages with a full-time coordinator; 120 + 150 + 367 × 30 = 11280 recipients; 2 stations per 11280 × 100.
    expect(c.indicators.r_full_time_villages!.value).toBe(100);
    expect(c.indicators.r_recipients!.value).toBe(11280);
    expect(c.indicators.r_stations_per_100!.value).toBeCloseTo((2 / 11280) * 100, 12);

    // Tasks: K1 100, K2 93.75, K3 (100 + 100)/2 = 100, K4 (97.56 + 100)/2, K5 100 (k5_found_persons has no target), K6 unscored.
    const k4 = (36000 / 369 + 100) / 2;
    expect(c.taskScores.K1).toBe(100);
    expect(c.taskScores.K2).toBe(93.75);
    expect(c.taskScores.K4).toBeCloseTo(k4, 9);
    expect(c.taskScores.K6).toBeNull();
    // Weights K1 2, K2 1, K3 1, K4 2, K5 1 over the scored tasks: (200 + 93.75 + 100 + 2 × K4 + 100) / 7 = 98.76.
    expect(c.score).toBeCloseTo((200 + 93.75 + 100 + 2 * k4 + 100) / 7, 9);

    // Plan 03-15 ≤ 03-31 → met. Members: past 06-30, judged on the roster known at the end of 06-30 (May, complete)
    // → met, although the newest roster is short. Stations hold now, before 09-30 → met. Nobody is lagging on 10-15 yet → n/a.
    expect(c.gates).toEqual({ g_plan: 'met', g_members: 'met', g_stations: 'met', g_visit: 'n/a' });
    // One red indicator (< 2), score ≥ 75, Q2 on time: not lagging, first in the city, at 98.8 never on the watch list
    // while six counties sit lower.
    expect(c.lagging).toBe(false);
    expect(c.reasons).toEqual([]);
    expect(c.watch).toBe(false);
    expect(c.rankInCity).toBe(1);
  });

  test('五河县: a late plan, no roster, low score and red indicators make it lagging', () => {
    const c = county(WUHE);
    // k1 520/800 = 0.65, r = 0.65/0.9 = 0.722 → amber (0.7 ≤ r < 0.9), 72.22; k2 100/200 = 0.5, r = 0.625 → red, 62.5.
    expect(c.indicators.k1_low_income_covered).toMatchObject({ value: 0.65, status: 'amber' });
    expect(c.indicators.k2_temp_aid_fast).toMatchObject({ value: 0.5, status: 'red', score: 62.5 });
    // 18 days > 1.1 × 15 = 16.5 → red, 15/18 × 100 = 83.33; 1 case over a limit of 0 → amber, 50.
    expect(c.indicators.k3_avg_days).toMatchObject({ value: 18, status: 'red' });
    expect(c.indicators.k3_over_limit).toMatchObject({ value: 1, status: 'amber', score: 50 });
    // Hotline 否 judged on 06-30, not past its 06-30 deadline → amber, unscored; 5 ≥ 4 events → 100. No roster → missing, 0.
    expect(c.indicators.k5_hotline_live).toMatchObject({ status: 'amber', score: null });
    expect(c.indicators.k6_events).toMatchObject({ value: 5, status: 'green', score: 100 });
    expect(c.indicators.r_member_coverage).toMatchObject({ status: 'missing', score: 0 });
    // K3 = (83.33 + 50)/2 = 66.67: one task score.
    expect(c.taskScores.K3).toBeCloseTo((1500 / 18 + 50) / 2, 9);
    expect(c.taskScores.K4).toBe(0);
    expect(c.taskScores.K5).toBeNull();
    // (2 × 72.22 + 62.5 + 66.67 + 2 × 0 + 100) / 7 = 53.37 (K5 unscored).
    const score = (2 * ((0.65 / 0.9) * 100) + 62.5 + (1500 / 18 + 50) / 2 + 0 + 100) / 7;
    expect(c.score).toBeCloseTo(score, 9);
    // Plan 04-06 after 03-31 → late (no reason); no roster past 06-30 → overdue; before 09-30 → pending.
    expect(c.gates).toEqual({ g_plan: 'late', g_members: 'overdue', g_stations: 'pending', g_visit: 'n/a' });
    // Red: k2, k3_avg_days and the two missing roster coverages = 4 ≥ 2. Q2 came 5 days late, inside late_report's 10.
    expect(c.lagging).toBe(true);
    expect(c.reasons.map((r) => r.text)).toEqual([
      '未上传村级台账，村（居）民政工作负责人明确率未达到截止日要求的 100%',
      '综合得分 53.4 分，低于 75 分',
      '4 项指标未达到序时进度要求（其中 2 项未报送）：临时救助快速审批率、低保审批平均时限（工作日）、' +
        '村（居）民政工作负责人明确率、符合条件村服务站（点）覆盖率',
    ]);
    expect(c.rankInCity).toBe(3);
  });

  test('固镇县: without its Q2 季报 it is judged on Q1 and lagging for the missing report too', () => {
    const c = county(GUZHEN);
    // Q1 judged on 03-31: k1 500/600 = 0.833, r = 0.926 → green, 92.59; k2 54/60 = 0.9 → 100; K3 100; roster missing → K4 0;
    // hotline 否 and 1 event before their deadlines → unscored, so K5 and K6 are null.
    expect(c.taskScores).toMatchObject({ K2: 100, K3: 100, K4: 0, K5: null, K6: null });
    expect(c.taskScores.K1).toBeCloseTo((500 / 600 / 0.9) * 100, 9);
    // (2 × 92.59 + 100 + 100 + 0) / 6 = 64.20.
    expect(c.score).toBeCloseTo((2 * ((500 / 600 / 0.9) * 100) + 100 + 100) / 6, 9);
    expect(c.gates).toEqual({ g_plan: 'met', g_members: 'overdue', g_stations: 'pending', g_visit: 'n/a' });
    expect(c.reasons.map((r) => r.code)).toEqual(['gate_overdue:g_members', 'low_score', 'many_red', 'late_report']);
    expect(c.reasons.at(-1)!.text).toBe('2022年第二季度季报应于2022年7月10日前报送，截至7月20日尚未报送');
    expect(c.rankInCity).toBe(2);
  });

  test('a county with nothing: every gate it owes overdue, score 0, on the watch list; the city over nine counties', () => {
    const c = county(NOTHING);
    expect(c.score).toBe(0);
    expect(c.gates).toEqual({ g_plan: 'overdue', g_members: 'overdue', g_stations: 'pending', g_visit: 'n/a' });
    expect(c.reasons.map((r) => r.code)).toEqual([
      'gate_overdue:g_plan',
      'gate_overdue:g_members',
      'low_score',
      'many_red',
      'late_report',
    ]);
    expect(c.reasons[0]!.text).toBe('工作方案未按期印发（应于2022年3月31日前印发）');
    // 8 scored indicators of 2022 (k1, k2, two k3, two roster coverages, k5 hotline, k6), all missing.
    // The first five named, by the documents' share name where there is one (k1's own name is its numerator's).
    expect(c.reasons[3]!.text).toBe(
      '8 项指标未达到序时进度要求（均未报送）：低收入人口救助覆盖率、临时救助快速审批率、低保审批平均时限（工作日）、' +
        '超过15个工作日审批件数、村（居）民政工作负责人明确率等 8 项',
    );
    // Six counties at 0.0 share 4th place; tied with the third-lowest, all six are watched.
    expect([c.rankInCity, c.tiedInCity, c.watch]).toEqual([4, true, true]);
    expect(status2022.counties.filter((x) => x.watch)).toHaveLength(6);

    const [city] = status2022.cities;
    // Mean over all nine scored counties: (98.76 + 64.20 + 53.37 + 6 × 0) / 9 = 24.04; lagging: all but 怀远 = 8.
    expect(city!.score).toBeCloseTo((county(HUAIYUAN).score! + county(GUZHEN).score! + county(WUHE).score!) / 9, 9);
    expect(city!.laggingCount).toBe(8);
    expect(city!.gates).toEqual({ g_summary: 'pending' });
    // Q2: 怀远 on time, 五河 late, seven none.
    expect(city!.timeliness).toEqual({ period: '2022-Q2', onTime: 1, late: 1, missing: 7 });
  });
});

describe('anhui-2022 city summary', () => {
  let lines2022: string[];
  let text: string;
  beforeAll(async () => {
    const doc = await officer2022.trpc.documents.generate.mutate({ kind: 'city', unit: CITY, asOf: ASOF });
    const res = await fetch(`${server.url}/files/documents/${doc.id}?campaign=anhui-2022`, {
      headers: { cookie: officer2022.cookie },
    });
    expect(res.status).toBe(200);
    lines2022 = docxParagraphs(docxPart(Buffer.from(await res.arrayBuffer()), 'word/document.xml')!);
    text = lines2022.join('\n');
  });

  test('its title, opening and headings are the 2022 plan’s own', () => {
    expect(lines2022).toContain('蚌埠市民政局文件');
    expect(lines2022).toEqual(
      // Broken by meaning in the fewest lines: the plan's name is never split; 年度工作情况的报告 stays together.
      expect.arrayContaining(['蚌埠市民政局关于社会救助服务提质增效行动', '年度工作情况的报告']),
    );
    expect(text).toContain(
      '根据《安徽省社会救助服务提质增效行动实施方案》安排，现将蚌埠市2022年度行动推进情况报告如下。',
    );
    const headings = ['一、总体进展', '二、主要做法和成效', '三、存在的问题', '四、下一步工作安排'].map((h) =>
      lines2022.indexOf(h),
    );
    expect(headings.every((i) => i > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(lines2022).toContain('2022年7月20日');
  });

  test('its figures, summed by hand over the counties, and the 季报 wording', () => {
    // Members: only 怀远 has a roster: 369 villages, 360 with a member, 360/369 = 97.56 % → 97.6%.
    expect(text).toContain('369个村（社区）中360个明确民政工作负责人，明确率97.6%');
    // K1 over the newest 季报 of each county (怀远 Q2, 五河 Q2, 固镇 Q1): 1000 + 800 + 600 = 2400 identified,
    // 950 + 520 + 500 = 1970 covered, 1970/2400 = 82.08 % → 82.1%.
    expect(text).toContain('全市认定低收入人口2400人，其中已纳入救助1970人，覆盖率82.1%');
    // K2, in the same sentence as K1 (one point of the definition's 主要做法和成效): 400 + 200 + 60 = 660 cases,
    // 300 + 100 + 54 = 454 within 3 days, 454/660 = 68.79 % → 68.8%.
    expect(text).toContain('，实施临时救助660人次，其中3日内审批454人次，占68.8%');
    // Of the three, only 怀远's newest 季报 says 是 for the hotline.
    expect(text).toContain('全市1个县（市、区）社会救助热线接入12345');
    // The roster point: 怀远's 369 villages, 360 with a member: 360/369 = 97.56 % → 97.6%; its 2 villages of 100 or
    // more recipients both have a station: 100%. Only 怀远 has a roster, so the figure says on how many it rests.
    expect(text).toContain(
      '全市369个村（社区）中360个明确民政工作负责人，明确率97.6%，常年救助对象100人以上的2个村（社区）中2个建成服务站（点），覆盖率100%（据已报送数据的1个县（市、区）统计）',
    );
    expect(text).toContain('全市将把低保审核确认时限稳定压缩在15个工作日以内');
    // Q2: 怀远 on time, 五河 late and named, the other seven (固镇 among them, with only its Q1) missing, counted and
    // listed in the annex; the report is called a 季报 of the second quarter.
    expect(text).toContain(
      '2022年第二季度季报逾期报送的有五河县；截至7月20日尚未报送2022年第二季度季报的有7个县（市、区）（名单见附件1）',
    );
    expect(text).toContain('季报');
  });

  test('no text of the 2021 plan', () => {
    for (const words of ['便民惠民', '月报', '12月15日', '协理员配备率', '2021年', '进展缓慢', '督导评估'])
      expect(text).not.toContain(words);
    // The plan's own word for a lagging county, in the text and the annex's column: 8 counties lag (see the status).
    expect(text).toContain('列为推进滞后；目前全市推进滞后的县（市、区）8个。');
  });
});

describe('neither campaign shows the other’s data', () => {
  test('anhui-2021 on the same day is exactly what it was before the 2022 imports', async () => {
    const after = await statusJson(dbPath, 'anhui-2021');
    expect(after).toEqual(before2021.status);
    // Its only report is 怀远's July 月报 with its 1200 urban dibao; no 2022 indicator code appears.
    const huaiyuan = after.counties.find((c) => c.code === HUAIYUAN)!;
    expect(huaiyuan.indicators.t01_dibao_urban!.value).toBe(1200);
    expect(Object.keys(huaiyuan.indicators).filter((code) => code in q2[HUAIYUAN] || code.startsWith('r_'))).toEqual(
      [],
    );
    const reports = await officer2021.trpc.reports.list.query({ unit: CITY, asOf: ASOF });
    expect(reports).toEqual(before2021.reports);
    expect(reports.map((r) => [r.countyCode, r.period, r.state])).toEqual([[HUAIYUAN, '2021-07', 'submitted']]);
    // The 2022 summary and roster are not in 2021's lists.
    expect(await officer2021.trpc.documents.list.query({ unit: CITY, asOf: ASOF })).toEqual(before2021.documents);
    const roster2021 = await officer2021.trpc.roster.current.query({ countyCode: HUAIYUAN, asOf: ASOF });
    expect(roster2021.upload).toBeNull();
  });

  test('anhui-2022 lists its five 季报 and its own roster, not the 2021 July report', async () => {
    const reports = await officer2022.trpc.reports.list.query({ unit: CITY, asOf: ASOF });
    expect(reports.map((r) => [r.countyCode, r.period]).sort()).toEqual(
      [
        [HUAIYUAN, '2022-Q1'],
        [HUAIYUAN, '2022-Q2'],
        [WUHE, '2022-Q1'],
        [WUHE, '2022-Q2'],
        [GUZHEN, '2022-Q1'],
      ].sort(),
    );
    const roster = await officer2022.trpc.roster.current.query({ countyCode: HUAIYUAN, asOf: ASOF });
    expect(roster.rows.filter((r) => r.civilAffairsMember)).toHaveLength(360);
    expect((await officer2022.trpc.documents.list.query({ unit: CITY, asOf: ASOF })).map((d) => d.kind)).toEqual([
      'city',
    ]);
  });
});
