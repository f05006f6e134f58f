import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateDefinition, type CampaignDef } from '@dudao/schema/campaign';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { systemActor } from '../src/services/actor';
import { serviceContext } from '../src/services/context';
import { installCampaign } from '../src/services/campaign/store';
import { docxPart, docxParagraphs } from './support/docx';
import { freshDb, freshLocation } from './support/fresh-db';
import { sessionOf, startServer } from './support/http';

/** anhui-2021 with the documents' fixed texts of another bureau: every text below is the test's own, none the shipped file's. */
function otherTexts(): CampaignDef {
  const def = structuredClone(builtinCampaign('anhui-2021'));
  def.name = '安徽省救助专项行动';
  // Lagging is judged on another day: the lagging counties owed a visit are those of 11-03.
  const supervision = def.gates.find((g) => g.kind === 'supervision_of_lagging')!;
  if (supervision.kind === 'supervision_of_lagging') supervision.laggingOn = '2021-11-03';
  const d = def.documents;
  d.issuers.provinceShort = '省厅';
  d.issuers.province = '安徽省民政和社会保障厅';
  d.notice.requirements.rectify = '立行立改';
  d.notice.sections = d.notice.sections.filter((s) => s.part !== 'watch');
  d.issuers.city = '{city}民政和社会事务局';
  d.printedBy = '{issuer}综合科';
  d.contactNote = '（经办人：{contact}，电话：{phone}）';
  d.citySummary.title = ['{issuer}关于{year}年度救助', '专项行动情况的报告'];
  d.citySummary.recipient = '省民政厅社会救助处';
  d.citySummary.opening = '根据{campaign}的部署，{scope}现将有关情况报告如下：';
  d.citySummary.closing = '专此报告，请审阅。';
  d.citySummary.sections = [
    { part: 'basics', heading: '总体进展' },
    { part: 'problems', heading: '短板弱项' },
    { part: 'tasks', heading: '重点任务推进情况' },
    { part: 'plans', heading: '今后工作安排' },
  ];
  d.citySummary.annexes.keyTable = '{scope}分县指标一览';
  d.citySummary.annexes.spreadsheet = '{scope}救助指标明细（Excel）';
  d.problems.reporting = '报送不够及时';
  d.plans.areas = [{ title: '夯实基层经办队伍', tasks: ['T10'], aim: '推动协理员持证上岗' }];
  d.plans.lasting = { title: '完善常态化机制', text: '将督导发现的问题纳入年度考核。' };
  return def;
}

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;

beforeAll(async () => {
  const path = await freshLocation();
  const opened = await freshDb(path);
  const checked = validateDefinition(otherTexts());
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  await installCampaign(
    serviceContext(opened.db, checked.definition, systemActor),
    checked.definition,
    '2021-07-01T01:00:00.000Z',
  );
  await opened.close();
  server = await startServer(path);
  await server.setTime('2021-12-14T02:00:00.000Z');
});
afterAll(() => server?.close());

describe('a city summary written in the campaign definition’s words', () => {
  test('issuer, title, recipient, opening, headings in their order, 下一步打算, closing, annexes, 附注 and 版记 come from the definition', async () => {
    const officer = await sessionOf(server.url, 'bengbu');
    const doc = await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' });
    const res = await fetch(`${server.url}/files/documents/${doc.id}`, { headers: { cookie: officer.cookie } });
    expect(res.status).toBe(200);
    const xml = docxPart(Buffer.from(await res.arrayBuffer()), 'word/document.xml')!;
    const lines = docxParagraphs(xml);
    const text = lines.join('\n');

    expect(lines).toContain('蚌埠市民政和社会事务局文件');
    // Broken by meaning: the plan's name whole on its own line after 关于.
    expect(lines).toEqual(expect.arrayContaining(['蚌埠市民政和社会事务局关于', '2021年度救助专项行动情况的报告']));
    expect(lines).toContain('省民政厅社会救助处：');
    expect(text).toContain('根据安徽省救助专项行动的部署，蚌埠市现将有关情况报告如下：');
    const headings = ['一、总体进展', '二、短板弱项', '三、重点任务推进情况', '四、今后工作安排'].map((h) =>
      lines.indexOf(h),
    );
    expect(headings.every((at) => at > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(text).toMatch(/（一）夯实基层经办队伍。全市将推动协理员持证上岗。/);
    expect(text).toContain('（二）完善常态化机制。将督导发现的问题纳入年度考核。');
    // With nothing reported every report is missing: the reporting point is written under the definition's title.
    expect(text).toMatch(/（[一二三四五六七八九十]+）报送不够及时。截至12月13日尚未报送/);
    expect(lines).toContain('专此报告，请审阅。');
    expect(text).toContain('蚌埠市分县指标一览');
    expect(text).toContain('蚌埠市救助指标明细（Excel）');
    expect(text).toMatch(/（经办人：\s*，电话：\s*）/);
    expect(text).toContain('蚌埠市民政和社会事务局综合科');

    for (const old of [
      '蚌埠市民政局',
      '特此报告。',
      '一、基本情况',
      '二、主要做法和成效',
      '四、下一步打算',
      '持续加强基层社会救助经办能力',
      '建立健全长效机制',
      '开展情况的报告',
      '进度报送和督导整改不够及时',
      '联系人：',
      '月度指标和村级台账明细表',
    ]) {
      expect(text).not.toContain(old);
    }
  });
});

describe('the supervision notice in the definition’s words', () => {
  test('the province issuer, the parts chosen and the requirement titles come from the definition', async () => {
    const admin = await sessionOf(server.url, 'p_admin');
    const doc = await admin.trpc.documents.generate.mutate({ kind: 'notice', unit: '34', asOf: '2021-12-13' });
    const res = await fetch(`${server.url}/files/documents/${doc.id}`, { headers: { cookie: admin.cookie } });
    const lines = docxParagraphs(docxPart(Buffer.from(await res.arrayBuffer()), 'word/document.xml')!);
    const text = lines.join('\n');
    expect(lines).toContain('安徽省民政和社会保障厅文件');
    // 关注名单 left out: 工作要求 is the third part.
    expect(lines).toEqual(expect.arrayContaining(['一、总体情况', '二、进展缓慢的县（市、区）', '三、工作要求']));
    expect(lines).not.toContain('三、关注名单');
    expect(text).not.toContain('列入关注名单，请所在市加强调度指导');
    expect(text).toContain('（一）立行立改。');
    expect(text).toContain('安徽省民政和社会保障厅综合科');
    expect(text).not.toContain('抓紧整改落实');
  });
});

describe('names pages show', () => {
  test('the login page reads the campaign’s name before anyone signs in', async () => {
    const res = await fetch(`${server.url}/auth/campaign`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: 'anhui-2021', name: '安徽省救助专项行动' });
  });

  test('a city officer’s to-do names the day lagging was judged and the bureau the summary goes to, from the definition', async () => {
    await server.setTime('2021-12-10T02:00:00.000Z');
    const officer = await sessionOf(server.url, 'bengbu');
    const todo = await officer.trpc.todo.mine.query({ asOf: '2021-12-10' });
    const titles = todo.map((t) => t.title);
    expect(titles).toContain('撰写并向省厅报送市级行动总结');
    // With nothing reported every county of the city lags, so each is owed a visit.
    expect(titles.filter((t) => /^对.+开展实地督导（11月3日进展缓慢）$/.test(t)).length).toBeGreaterThan(0);
    expect(titles.join()).not.toContain('11月1日');
    const notices = await officer.trpc.notices.mine.query({ asOf: '2021-12-10' });
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: '市级行动总结须于 2021-12-15 前报送省厅',
          body: '本市尚未报送安徽省救助专项行动总结，请抓紧撰写并报送。',
        }),
      ]),
    );
  });
});
