import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDefinition } from '@dudao/schema/campaign/file';
import { systemActor } from '../src/services/actor';
import { serviceContext } from '../src/services/context';
import { installDefinition } from '../src/services/campaign/versions';
import { cli } from './support/cli';
import { freshLocation, tempPath } from './support/fresh-db';
import { xlsx } from './support/files';
import { errorCode, sessionOf, startServer } from './support/http';
import { julyValues } from './support/report-values';
import { rosterFor } from './support/roster';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;

const anhuiText = readFileSync(new URL('../../../campaigns/anhui-2021.yaml', import.meta.url), 'utf8');
const COUNTY = '340321';
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

/** A second plan for the same province: the 2021 file with another code, name and one period fewer. */
function secondPlan(): string {
  const path = tempPath('second.yaml');
  writeFileSync(
    path,
    anhuiText
      .replace('code: anhui-2021', 'code: anhui-extra')
      .replace('name: 安徽省社会救助工作便民惠民优化服务行动', 'name: 安徽省社会救助专项复查行动')
      .replace(
        'periods: [ 2021-07, 2021-08, 2021-09, 2021-10, 2021-11, 2021-12 ]',
        'periods: [ 2021-07, 2021-08, 2021-09, 2021-10, 2021-11 ]',
      ),
  );
  return path;
}

let server: Server;
let dbPath: string;
type Plan = 'anhui-2021' | 'anhui-extra';
const as = {} as Record<Plan, { clerk: Session; officer: Session; admin: Session }>;

async function upload(path: string, body: Buffer, cookie: string, campaign?: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { cookie, 'x-file-name': 'roster.xlsx', ...(campaign ? { 'x-dudao-campaign': campaign } : {}) },
  });
}

beforeAll(async () => {
  dbPath = await freshLocation();
  server = await startServer(dbPath);
  // Installed by the CLI while the API runs: usable at once, without a restart.
  const installed = cli(['campaign', 'install', secondPlan()], dbPath);
  expect(installed.stdout).toContain('已安装 anhui-extra 第 1 版');
  // A campaign of another province (江苏, 32) in the same database.
  const jiangsu = readDefinition(
    anhuiText.replace('code: anhui-2021', 'code: jiangsu-2021').replace('province: "34"', 'province: "32"'),
  );
  if (!jiangsu.ok) throw new Error('jiangsu copy invalid');
  await installDefinition(
    serviceContext(server.db, jiangsu.definition, systemActor),
    jiangsu.definition,
    '2021-07-01T00:00:00.000Z',
  );

  for (const campaign of ['anhui-2021', 'anhui-extra'] as const) {
    as[campaign] = {
      clerk: await sessionOf(server.url, 'huaiyuan', campaign),
      officer: await sessionOf(server.url, 'bengbu', campaign),
      admin: await sessionOf(server.url, 'p_admin', campaign),
    };
  }
  // The same county and period in both campaigns, with different figures: 1200 urban dibao in one, 1300 in the other.
  const urban = { 'anhui-2021': '1200', 'anhui-extra': '1300' } as const;
  for (const campaign of ['anhui-2021', 'anhui-extra'] as const) {
    const { clerk } = as[campaign];
    await server.setTime(at('2021-08-02T10:00:00'));
    await clerk.trpc.reports.saveDraft.mutate({
      countyCode: COUNTY,
      period: '2021-07',
      version: 0,
      values: { ...julyValues, t01_dibao_urban: urban[campaign] },
    });
    await clerk.trpc.reports.submit.mutate({ countyCode: COUNTY, period: '2021-07', version: 1 });
  }
  // Rosters: every village with a coordinator in anhui-2021, none in anhui-extra.
  await server.setTime(at('2021-08-03T10:00:00'));
  expect(
    (
      await upload(
        `/files/roster?county=${COUNTY}`,
        await xlsx(await rosterFor(server.db, COUNTY)),
        as['anhui-2021'].clerk.cookie,
      )
    ).status,
  ).toBe(200);
  const none = await xlsx(await rosterFor(server.db, COUNTY, (r) => [r[0]!, r[1]!, 30, '是', 0, 0, '', 0]));
  expect(
    (await upload(`/files/roster?county=${COUNTY}`, none, as['anhui-extra'].clerk.cookie, 'anhui-extra')).status,
  ).toBe(200);
  // One annex document, generated in anhui-2021 only.
  await server.setTime(at('2021-08-04T10:00:00'));
  await as['anhui-2021'].officer.trpc.documents.generate.mutate({ kind: 'annex', unit: '3403', asOf: '2021-08-04' });
  // One supervision visit and one urge, in anhui-extra only.
  await as['anhui-extra'].officer.trpc.supervision.recordVisit.mutate({
    countyCode: COUNTY,
    visitedOn: '2021-08-04',
    byLevel: 'city',
    visitors: '市民政局',
    findings: '台账未配协理员',
  });
  await as['anhui-extra'].officer.trpc.urge.send.mutate({ kind: 'roster', unit: COUNTY });
}, 120_000);
afterAll(() => server.close());

describe('several campaigns in one database', () => {
  test('the switcher lists the province\u2019s campaigns; a request without a choice works in anhui-2021 (latest begun start, then code)', async () => {
    const plain = await sessionOf(server.url, 'p_admin');
    const list = await plain.trpc.campaign.list.query();
    expect(list.current).toBe('anhui-2021');
    expect(list.campaigns.map((c) => c.code).sort()).toEqual(['anhui-2021', 'anhui-extra']);
    expect((await as['anhui-extra'].admin.trpc.campaign.get.query()).name).toBe('安徽省社会救助专项复查行动');
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { campaigns: { code: string }[] };
    expect(health.campaigns.map((c) => c.code).sort()).toEqual(['anhui-2021', 'anhui-extra', 'jiangsu-2021']);
  });

  test('status, report lists and notices of one campaign never show the other\u2019s', async () => {
    for (const [campaign, urban] of [
      ['anhui-2021', 1200],
      ['anhui-extra', 1300],
    ] as const) {
      const { admin, officer } = as[campaign];
      const county = (await admin.trpc.status.at.query({ asOf: '2021-08-04' })).counties.find(
        (c) => c.code === COUNTY,
      )!;
      expect(county.indicators.t01_dibao_urban!.value).toBe(urban);
      const reports = await officer.trpc.reports.list.query({ unit: '3403', asOf: '2021-08-04' });
      expect(reports.map((r) => [r.countyCode, r.period, r.state])).toEqual([[COUNTY, '2021-07', 'submitted']]);
      const submitted = (await officer.trpc.notices.mine.query({ asOf: '2021-08-04' })).filter(
        (n) => n.kind === 'report.submitted',
      );
      expect(submitted).toHaveLength(1);
    }
  });

  test('each campaign has its own roster and its own documents', async () => {
    const villages = (await rosterFor(server.db, COUNTY)).length - 1;
    const own = await as['anhui-2021'].clerk.trpc.roster.current.query({ countyCode: COUNTY, asOf: '2021-08-04' });
    const extra = await as['anhui-extra'].clerk.trpc.roster.current.query({ countyCode: COUNTY, asOf: '2021-08-04' });
    expect(own.rows.filter((r) => r.coordinators === 1)).toHaveLength(villages);
    expect(extra.rows.filter((r) => r.coordinators === 0)).toHaveLength(villages);
    expect(own.upload!.id).not.toBe(extra.upload!.id);

    const docs = await as['anhui-2021'].officer.trpc.documents.list.query({ unit: '3403', asOf: '2021-08-04' });
    expect(docs.map((d) => d.kind)).toEqual(['annex']);
    expect(await as['anhui-extra'].officer.trpc.documents.list.query({ unit: '3403', asOf: '2021-08-04' })).toEqual([]);
    // The document's id named in the other campaign is not found there, neither by tRPC nor as a file.
    await expect(as['anhui-extra'].officer.trpc.documents.preview.query({ id: docs[0]!.id })).rejects.toThrow(
      `报告 ${docs[0]!.id} 不存在`,
    );
    const file = await fetch(`${server.url}/files/documents/${docs[0]!.id}?campaign=anhui-extra`, {
      headers: { cookie: as['anhui-extra'].officer.cookie },
    });
    expect(file.status).toBe(404);
  });

  test('supervision visits and urges stay in the campaign they were recorded in', async () => {
    expect(
      await as['anhui-extra'].officer.trpc.supervision.list.query({ unit: COUNTY, asOf: '2021-08-04' }),
    ).toHaveLength(1);
    expect(await as['anhui-2021'].officer.trpc.supervision.list.query({ unit: COUNTY, asOf: '2021-08-04' })).toEqual(
      [],
    );
    expect(
      (await as['anhui-extra'].officer.trpc.urge.counts.query({ unit: COUNTY, asOf: '2021-08-04' })).map((u) => [
        u.kind,
        u.count,
      ]),
    ).toEqual([['roster', 1]]);
    expect(await as['anhui-2021'].officer.trpc.urge.counts.query({ unit: COUNTY, asOf: '2021-08-04' })).toEqual([]);
    const urged = (await as['anhui-2021'].clerk.trpc.notices.mine.query({ asOf: '2021-08-04' })).filter(
      (n) => n.kind === 'urge.roster',
    );
    expect(urged).toEqual([]);
  });

  test('another province\u2019s campaign is refused with 403 for reads, writes and files; an unknown one is 404', async () => {
    const intruder = await sessionOf(server.url, 'p_admin', 'jiangsu-2021');
    await expect(intruder.trpc.status.at.query({ asOf: '2021-08-04' })).rejects.toThrow('无权访问活动');
    expect(await intruder.trpc.status.at.query({ asOf: '2021-08-04' }).catch(errorCode)).toBe('FORBIDDEN');
    const clerk = await sessionOf(server.url, 'huaiyuan', 'jiangsu-2021');
    expect(
      await clerk.trpc.reports.saveDraft
        .mutate({ countyCode: COUNTY, period: '2021-07', version: 0, values: julyValues })
        .catch(errorCode),
    ).toBe('FORBIDDEN');
    const file = await fetch(`${server.url}/files/values.csv?campaign=jiangsu-2021`, {
      headers: { cookie: intruder.cookie },
    });
    expect(file.status).toBe(403);
    expect(((await file.json()) as { error: string }).error).toContain('属于其他省份');
    // The switcher still answers, with the user's own campaigns only.
    const list = await intruder.trpc.campaign.list.query();
    expect(list.campaigns.map((c) => c.code)).not.toContain('jiangsu-2021');

    const lost = await sessionOf(server.url, 'p_admin', 'no-such-plan');
    expect(await lost.trpc.status.at.query({}).catch(errorCode)).toBe('NOT_FOUND');
    await expect(lost.trpc.status.at.query({})).rejects.toThrow('活动 no-such-plan 不存在或尚未安装');
  });

  test('a due reminder read in one campaign stays unread in the other', async () => {
    // 2021-08 is due on 09-05 in both; from 09-02 each campaign reminds the clerk.
    await server.setTime(at('2021-09-03T10:00:00'));
    const due = async (campaign: Plan) =>
      (await as[campaign].clerk.trpc.notices.mine.query({ asOf: '2021-09-03' })).filter(
        (n) => n.kind === 'reminder.due',
      );
    const [extra] = await due('anhui-extra');
    expect(extra).toMatchObject({ title: '2021年8月月报将于2021年9月5日截止', read: false });
    await as['anhui-extra'].clerk.trpc.notices.markRead.mutate({ keys: [extra!.key] });
    expect((await due('anhui-extra')).map((n) => n.read)).toEqual([true]);
    expect((await due('anhui-2021')).map((n) => n.read)).toEqual([false]);
  });

  test('the CLI takes --campaign: status --json of each shows its own figures', () => {
    const figure = (campaign: string) => {
      const r = cli(['status', '--as-of', '2021-08-04', '--unit', COUNTY, '--json', '--campaign', campaign], dbPath);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { counties: { indicators: Record<string, { value: number }> }[] }).counties[0]!
        .indicators.t01_dibao_urban!.value;
    };
    expect(figure('anhui-2021')).toBe(1200);
    expect(figure('anhui-extra')).toBe(1300);
    const unknown = cli(['status', '--campaign', 'no-such-plan'], dbPath);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('活动 no-such-plan 不存在或尚未安装');
  });
});
