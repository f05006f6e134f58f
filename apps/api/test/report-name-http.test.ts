import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../src/db/paths';
import { cli } from './support/cli';
import { freshLocation } from './support/fresh-db';
import { sessionOf, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;

const COUNTY = '340321';
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
/** A complete first-quarter report of the quarterly plan; figures chosen by hand, every part within its whole. */
const quarterValues: Record<string, string> = {
  p1_plan_on: '2022-03-10',
  k1_low_income_identified: '1000',
  k1_low_income_covered: '850',
  k2_temp_aid_cases: '120',
  k2_temp_aid_fast: '100',
  k3_avg_days: '12',
  k3_over_limit: '1',
  k5_hotline_live: 'true',
  k5_found_persons: '30',
  k6_events: '2',
};

let server: Server;
let clerk: Session;
let officer: Session;

beforeAll(async () => {
  const dbPath = await freshLocation();
  // The shipped quarterly plan is installed beside anhui-2021, as a bureau installs a new plan.
  expect(cli(['campaign', 'install', join(repoRoot, 'campaigns/anhui-2022.yaml')], dbPath).stdout).toContain(
    '已安装 anhui-2022 第 1 版',
  );
  expect(cli(['campaign', 'list'], dbPath).stdout).toContain('anhui-2022');
  server = await startServer(dbPath);
  clerk = await sessionOf(server.url, 'huaiyuan', 'anhui-2022');
  officer = await sessionOf(server.url, 'bengbu', 'anhui-2022');
}, 60_000);
afterAll(() => server.close());

describe('the quarterly plan names its reports 季报 in workflow messages', () => {
  test('errors of a stale version, an incomplete report and a wrong state say 季报', async () => {
    await server.setTime(at('2022-04-05T09:00:00'));
    await clerk.trpc.reports.saveDraft.mutate({
      countyCode: COUNTY,
      period: '2022-Q1',
      version: 0,
      values: { k6_events: '2' },
    });
    const stale = await clerk.trpc.reports.saveDraft
      .mutate({ countyCode: COUNTY, period: '2022-Q1', version: 0, values: { k6_events: '3' } })
      .catch((e: Error) => e);
    expect((stale as Error).message).toContain('该季报已被更新（当前版本 1，您编辑的是版本 0）');
    const incomplete = await clerk.trpc.reports.submit
      .mutate({ countyCode: COUNTY, period: '2022-Q1', version: 1 })
      .catch((e: Error) => e);
    expect((incomplete as Error).message).toMatch(/^季报未通过校验：/);
    const early = await officer.trpc.reports.approve
      .mutate({ countyCode: COUNTY, period: '2022-Q1', version: 1 })
      .catch((e: Error) => e);
    expect((early as Error).message).toBe('季报当前状态为“草稿”，不能审核通过');
    for (const message of [stale, incomplete, early].map((e) => (e as Error).message))
      expect(message).not.toContain('月报');
  });

  test('the submit and return notices say 2022年第一季度季报', async () => {
    await server.setTime(at('2022-04-06T10:00:00'));
    const saved = await clerk.trpc.reports.saveDraft.mutate({
      countyCode: COUNTY,
      period: '2022-Q1',
      version: 1,
      values: quarterValues,
    });
    await clerk.trpc.reports.submit.mutate({ countyCode: COUNTY, period: '2022-Q1', version: saved.report.version });
    const submitted = (await officer.trpc.notices.mine.query({ asOf: '2022-04-06' })).filter(
      (n) => n.kind === 'report.submitted',
    );
    expect(submitted.map((n) => [n.title, n.body])).toEqual([
      ['怀远县2022年第一季度季报已报送', '请在审核收件箱中打开并审核。'],
    ]);

    await server.setTime(at('2022-04-07T10:00:00'));
    const current = await officer.trpc.reports.get.query({ countyCode: COUNTY, period: '2022-Q1' });
    await officer.trpc.reports.return.mutate({
      countyCode: COUNTY,
      period: '2022-Q1',
      version: current.version,
      reason: '临时救助人次与台账不一致',
    });
    const returned = (await clerk.trpc.notices.mine.query({ asOf: '2022-04-07' })).filter(
      (n) => n.kind === 'report.return',
    );
    expect(returned.map((n) => [n.title, n.body])).toEqual([
      ['2022年第一季度季报已退回', 'bengbu退回，理由：临时救助人次与台账不一致。请修改后重新报送。'],
    ]);
  });
});
