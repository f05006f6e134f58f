import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { townshipsOf, villagesOf } from '../src/services/org/units';
import { freshServer, sessionOf } from './support/http';
import { fingerprint, rawCall } from './support/raw';

const HUAIYUAN = '340321';
let server: Awaited<ReturnType<typeof freshServer>>;
let admin: string;
let clerk: string;
let officer: string;

beforeAll(async () => {
  server = await freshServer();
  admin = (await sessionOf(server.url, 'p_admin')).cookie;
  clerk = (await sessionOf(server.url, 'huaiyuan')).cookie;
  officer = (await sessionOf(server.url, 'bengbu')).cookie;
});
afterAll(() => server.close());

/** Calls, expects a 400 whose message names `expected`, and checks that nothing was written. */
async function refused(cookie: string, path: string, type: 'query' | 'mutation', input: unknown, expected: RegExp) {
  const before = await fingerprint(server.db);
  const answer = await rawCall(server.url, cookie, path, type, input);
  expect([path, answer.status, answer.message]).toEqual([path, 400, expect.stringMatching(expected)]);
  expect(await fingerprint(server.db)).toEqual(before);
}

const draft = (over: Record<string, unknown>) => ({
  countyCode: HUAIYUAN,
  period: '2021-07',
  version: 0,
  values: { t01_dibao_urban: '1200' },
  comments: {},
  ...over,
});

describe('dates are real calendar dates', () => {
  test('2021-13-01 and 2021-02-30 are refused with 400 by every date input, never 500', async () => {
    for (const asOf of ['2021-13-01', '2021-02-30', '2021-00-10']) {
      await refused(clerk, 'status.at', 'query', { asOf }, /^数据截至：日期应为真实的日历日期/);
      await refused(clerk, 'roster.current', 'query', { countyCode: HUAIYUAN, asOf }, /^数据截至：/);
      await refused(clerk, 'cases.summary', 'query', { countyCode: HUAIYUAN, asOf }, /^数据截至：/);
      await refused(clerk, 'todo.mine', 'query', { asOf }, /^数据截至：/);
      await refused(clerk, 'notices.mine', 'query', { asOf }, /^数据截至：/);
      await refused(officer, 'summaries.status', 'query', { asOf }, /^数据截至：/);
      await refused(officer, 'documents.generate', 'mutation', { kind: 'city', unit: '3403', asOf }, /^数据截至：/);
    }
    await refused(
      officer,
      'supervision.recordVisit',
      'mutation',
      { countyCode: HUAIYUAN, visitedOn: '2021-02-30', byLevel: 'city', visitors: '市民政局', findings: '进展缓慢' },
      /^督导日期：日期应为真实的日历日期/,
    );
    await refused(
      clerk,
      'reports.saveDraft',
      'mutation',
      draft({ values: { s1_plan_issued_on: '2021-02-30' } }),
      /应为日期 YYYY-MM-DD，实际为“2021-02-30”/,
    );
  });
});

describe('reports.saveDraft takes only the campaign’s counties, periods and report fields', () => {
  test('a township, a village, a city and the province are refused as report units', async () => {
    const township = (await townshipsOf({ db: server.db }, [HUAIYUAN]))[0]!.code;
    const village = (await villagesOf({ db: server.db }, HUAIYUAN))[0]!.code;
    for (const code of [township, village, '3403', '34'])
      await refused(admin, 'reports.saveDraft', 'mutation', draft({ countyCode: code }), /^县区：/);
    // A well-formed county code that is no unit at all is a 400 too, not a foreign-key 500.
    await refused(
      admin,
      'reports.saveDraft',
      'mutation',
      draft({ countyCode: '340399' }),
      /^县区：340399 不是本活动的县级单位/,
    );
    await refused(
      admin,
      'supervision.recordVisit',
      'mutation',
      {
        countyCode: '340399',
        visitedOn: '2021-09-02',
        byLevel: 'province',
        visitors: '省民政厅',
        findings: '进展缓慢',
      },
      /340399/,
    );
  });

  test('periods outside the campaign (2099-12, 1999-01, 2021-06) are refused', async () => {
    for (const period of ['2099-12', '1999-01', '2021-06'])
      await refused(
        clerk,
        'reports.saveDraft',
        'mutation',
        draft({ period }),
        /^报送期：\d{4}年\d{1,2}月不在活动期间（2021年7月至2021年12月）内$/,
      );
  });

  test('comment keys must be report indicators: toString, constructor, unknown and derived keys give 400', async () => {
    for (const key of [
      'toString',
      'constructor',
      '__proto__',
      'unknown_field',
      't10_coordinator_coverage',
      'x'.repeat(5000),
    ]) {
      await refused(clerk, 'reports.saveDraft', 'mutation', draft({ comments: { [key]: '说明' } }), /^说明：/);
    }
    await refused(
      clerk,
      'reports.saveDraft',
      'mutation',
      draft({ values: { constructor: '1' } }),
      /不是本活动的填报指标/,
    );
  });

  test('numbers are finite and within their kind’s range: 400 nines are refused, not stored as Infinity', async () => {
    await refused(
      clerk,
      'reports.saveDraft',
      'mutation',
      draft({ values: { t01_dibao_urban: '9'.repeat(400) } }),
      /应在 0–100000000 之间/,
    );
    await refused(
      clerk,
      'reports.saveDraft',
      'mutation',
      draft({ values: { t03_temp_aid_amount: '1'.repeat(15) } }),
      /应在 0–100000000000 之间/,
    );
    const ok = await rawCall(
      server.url,
      clerk,
      'reports.saveDraft',
      'mutation',
      draft({ values: { t01_dibao_urban: '100000000' } }),
    );
    expect(ok.status).toBe(200);
  });
});

describe('free texts have length limits and errors speak Chinese', () => {
  test('a 100,000-character finding is refused; so are over-long item texts', async () => {
    await refused(
      officer,
      'supervision.recordVisit',
      'mutation',
      {
        countyCode: HUAIYUAN,
        visitedOn: '2021-09-02',
        byLevel: 'city',
        visitors: '市民政局',
        findings: '慢'.repeat(100_000),
      },
      /督导发现的问题不能超过 5000 字/,
    );
    await refused(
      officer,
      'supervision.recordVisit',
      'mutation',
      {
        countyCode: HUAIYUAN,
        visitedOn: '2021-09-02',
        byLevel: 'city',
        visitors: '人'.repeat(201),
        findings: '进展缓慢',
      },
      /督导人员不能超过 200 字/,
    );
  });

  test('type errors from zod come back in Chinese, naming the field in words, not by its code', async () => {
    const answer = await rawCall(server.url, clerk, 'reports.saveDraft', 'mutation', draft({ version: 'zero' }));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^版本号：/);
    expect(answer.message).not.toMatch(/Invalid input|expected/);
    expect(answer.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('campaign dates lie in the campaign window', () => {
  test('a visit on 2030-01-01 or 2000-01-01 is refused; a due date may run into the next year but not beyond', async () => {
    for (const visitedOn of ['2030-01-01', '2000-01-01', '2021-06-30']) {
      await refused(
        officer,
        'supervision.recordVisit',
        'mutation',
        { countyCode: HUAIYUAN, visitedOn, byLevel: 'city', visitors: '市民政局', findings: '进展缓慢' },
        /督导日期：.* 不在行动期间（2021-07-01 至 2021-12-31）内/,
      );
    }
    await server.setTime('2021-11-20T02:00:00.000Z');
    const visit = await rawCall(server.url, officer, 'supervision.recordVisit', 'mutation', {
      countyCode: HUAIYUAN,
      visitedOn: '2021-11-10',
      byLevel: 'city',
      visitors: '市民政局',
      findings: '进展缓慢',
    });
    expect(visit.status).toBe(200);
  });
});
