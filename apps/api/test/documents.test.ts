import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  citySummaryContent,
  provinceSummaryContent,
  renderDocx,
  renderHtml,
  supervisionNoticeContent,
  typeset,
  type Snapshot,
} from '@dudao/documents';
import { percentText, scoreText, type StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import type { Opened } from '../src/db/client';
import { snapshotAt } from '../src/services/documents/snapshot';
import { cutToUnit, provinceStatusAt } from '../src/services/known/status-at';
import { currentCampaign } from '../src/services/campaign/store';
import { resetDatabase } from '../src/services/seed/reset';
import { emptyLocation } from './support/fresh-db';

/** The parts of a .docx, read with nothing but zlib: a zip's central directory names each entry and where it starts. */
function unzip(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    parts.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString(name.endsWith('.png') ? 'latin1' : 'utf8'));
    at += 46 + skip;
  }
  return parts;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const texts = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => ({ xml: m[1] ?? '', text: texts(m[1] ?? '') }));
const tables = (xml: string): string[][][] =>
  [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => texts(c[1] ?? '')),
    ),
  );
const number = (cell: string) => Number(cell.replace(/,/g, ''));
const paragraphWith = (xml: string, text: string) => paragraphs(xml).find((p) => p.text === text);

/**
 * A rank as a reader checks it against the scores printed (one decimal): one more than the scores printed higher, and
 * 并列 when another printed score is the same.
 */
function shownRank(
  county: { code: string; score: number | null },
  all: { code: string; score: number | null }[],
): string {
  const shown = (s: number) => Number(scoreText(s));
  const mine = shown(county.score!);
  const others = all.filter((c) => c.code !== county.code && c.score !== null).map((c) => shown(c.score!));
  return `${others.some((s) => s === mine) ? '并列' : ''}第${1 + others.filter((s) => s > mine).length}名`;
}

const AS_OF = '2021-12-15';
const CITY = '3403';
let opened: Opened;
let campaign: CampaignDef;
let snapshot: Snapshot;
let status: StatusResult;
let city: Map<string, string>;
let province: Map<string, string>;
let notice: Map<string, string>;

beforeAll(async () => {
  // The campaign's clock at the evening of the summaries' day, as the December documents are made.
  ({ opened } = await resetDatabase(await emptyLocation(), {
    demo: true,
    scale: 'province',
    clock: '2021-12-15T18:00:00+08:00',
  }));
  campaign = await currentCampaign({ db: opened.db });
  snapshot = await snapshotAt({ db: opened.db, campaign }, AS_OF);
  status = await provinceStatusAt({ db: opened.db, campaign }, AS_OF);
  city = unzip(await renderDocx(citySummaryContent(snapshot, CITY)));
  province = unzip(await renderDocx(provinceSummaryContent(snapshot)));
  notice = unzip(await renderDocx(supervisionNoticeContent(snapshot)));
}, 900_000);

afterAll(async () => opened?.close());

describe('city summary: GB/T 9704 layout', () => {
  const doc = () => city.get('word/document.xml')!;

  test('A4 with margins 37/35/28/26 mm in twips, 22 lines of 28 characters', () => {
    expect(doc()).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc()).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // Lines on a 579-twip grid; no character grid (LibreOffice would give each 16 pt glyph two cells of 15.8 pt).
    expect(doc()).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
  });

  test('title in 2号 方正小标宋简体, centred', () => {
    // 31 characters at 20 a line: three lines, broken by meaning (GB/T 9704 7.3.1), the plan's name kept whole.
    const lines = ['蚌埠市民政局关于', '社会救助工作便民惠民优化服务行动', '开展情况的报告'];
    for (const line of lines) {
      const title = paragraphWith(doc(), line)!;
      expect(title.xml).toContain('w:eastAsia="方正小标宋简体"');
      expect(title.xml).toContain('<w:sz w:val="44"/>');
      expect(title.xml).toContain('<w:jc w:val="center"/>');
    }
    const texts = paragraphs(doc()).map((p) => p.text);
    const at = texts.indexOf(lines[0]!);
    expect(texts.slice(at, at + 3)).toEqual(lines);
  });

  test('body in 3号 仿宋_GB2312, indented two characters, exact 579-twip lines', () => {
    const body = paragraphs(doc()).find((p) => p.text.startsWith('蚌埠市共辖'))!;
    expect(body.xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body.xml).toContain('<w:sz w:val="32"/>');
    // 8845 twips / 28 = 315.9: each 320-twip character is condensed by 5, and the indent is two of them.
    expect(body.xml).toContain('<w:spacing w:val="-5"/>');
    expect(body.xml).toContain('<w:ind w:firstLine="630"/>');
    expect(body.xml).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
  });

  test.each([
    ['一、基本情况', '黑体'],
    ['（一）兜底保障水平稳步提升', '楷体_GB2312'],
  ])('heading %s in 3号 %s', (text, font) => {
    const heading = paragraphWith(doc(), text)!;
    expect(heading.xml).toContain(`w:eastAsia="${font}"`);
    expect(heading.xml).toContain('<w:sz w:val="32"/>');
  });

  test('page numbers in 4号 宋体 as — n —, odd pages right and even pages left', () => {
    const rels = city.get('word/_rels/document.xml.rels')!;
    const footerOf = (type: string) => {
      const id = doc().match(new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`))?.[1];
      const target =
        rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ??
        rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1];
      return city.get(`word/${target}`)!;
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = footerOf(type);
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(texts(footer)).toBe('—  —');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toContain(`<w:jc w:val="${side}"/>`);
    }
    expect(city.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  test('issuing body and date, no leading zeros, right-aligned before the attachments', () => {
    const all = paragraphs(doc());
    const issuer = all.findIndex((p) => p.text === '蚌埠市民政局');
    expect(all[issuer + 1]?.text).toBe('2021年12月15日');
    expect(all[issuer]?.xml).toContain('<w:jc w:val="right"/>');
    expect(all.findIndex((p) => p.text === '附件1')).toBeGreaterThan(issuer);
    expect(paragraphs(doc()).some((p) => p.text === '省民政厅：')).toBe(true);
  });

  test('charts are embedded as SVG with a PNG fallback', () => {
    expect(doc()).toContain('asvg:svgBlip');
    const media = [...city.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.filter((m) => m.endsWith('.svg'))).toHaveLength(2);
    expect(media.filter((m) => m.endsWith('.png'))).toHaveLength(2);
    const svg = city.get(media.find((m) => m.endsWith('.svg'))!)!;
    expect(svg).toContain('<svg');
    expect(svg).toContain('龙子湖区');
  });
});

describe('city summary: every figure is the metrics answer for the day', () => {
  const doc = () => texts(city.get('word/document.xml')!);
  const cityStatus = () => cutToUnit(status, CITY);

  // The text and the annexes are read from the same file: a figure both show must be the same figure.
  test('the coordinator coverage in the text is the 合计 of 附件2, counted by the test from its county rows', () => {
    const [, ...rows] = tables(city.get('word/document.xml')!)[1]!;
    const total = rows.pop()!;
    const villages = rows.reduce((s, r) => s + number(r[1]!), 0);
    const covered = rows.reduce((s, r) => s + number(r[2]!), 0);
    expect([number(total[1]!), number(total[2]!)]).toEqual([villages, covered]);
    // Half up to one decimal, never up onto 100 % (DOMAIN "Showing figures"), worked here with integers.
    const tenths = Math.floor((covered * 1000) / villages + 0.5);
    const shown = covered < villages ? Math.min(tenths, 999) / 10 : 100;
    const phrase =
      covered === villages
        ? `${villages}个村（社区）全部配备社会救助协理员`
        : `${villages}个村（社区）中${covered}个配备社会救助协理员，配备率${String(shown)}%`;
    expect(doc()).toContain(phrase);
  });

  test('the lagging count in the text is the number of 是 in 附件1; the city states no provincial rank of its own', () => {
    const [, ...rows] = tables(city.get('word/document.xml')!)[0]!;
    const lagging = rows.slice(0, -1).filter((r) => r[7] === '是').length;
    expect(doc()).toContain(
      lagging > 0 ? `目前全市进展缓慢的县（市、区）${lagging}个` : '目前全市没有进展缓慢的县（市、区）',
    );
    expect(doc()).not.toMatch(/在全省\d+个市中|全省第\d+|排名第\d+位/);
    expect(rows.at(-1)![2]).toBe('—');
  });

  test('written as a bureau writes: no dashboard words, no zero counts, the score named as the campaign’s 督导评估', () => {
    const body = doc().slice(0, doc().indexOf('特此报告。'));
    for (const word of ['红色指标', '关注名单', '认定标准', '综合得分', '按照行动方案确定的评估办法', '每200名'])
      expect(body).not.toContain(word);
    expect(body).not.toMatch(/[^\d.]0个|[^\d.]0项|[^\d.]0件/);
    expect(body).toContain('督导评估平均得分');
    // At most about 3,000 characters of body text (DOMAIN Reports, Writing).
    expect(body.replace(/\s/g, '').length).toBeLessThanOrEqual(3100);
  });

  test('each county row of 附件1 is that county status: score, rank in city, coverages, lagging', () => {
    const [table] = tables(city.get('word/document.xml')!);
    const counties = cityStatus().counties;
    expect(table!.length).toBe(counties.length + 2);
    for (const county of counties) {
      const row = table!.find((r) => r[0] === county.name)!;
      expect(row[1]).toBe(county.score === null ? '—' : scoreText(county.score));
      expect(row[2]).toBe(shownRank(county, counties).replace(/^(并列)?第(\d+)名$/, '$1$2'));
      expect(row[3]).toBe(percentText(county.indicators.t10_coordinator_coverage!.value!));
      expect(row[7]).toBe(county.lagging ? '是' : '否');
    }
  });

  test('narratives are those of the newest report known on the day, quoted only for counties the metrics allow', async () => {
    const counties = status.counties.filter((c) => c.cityCode === CITY);
    // A summary cites a practice by its sentences (at most two, and a shared one once after several names).
    const said = (text: string) =>
      (text.match(/[^。]+。/g) ?? []).some((sentence) => {
        const county = counties.find((c) => sentence.startsWith(c.name));
        return doc().includes(typeset(county ? sentence.slice(county.name.length) : sentence));
      });
    const allowed = counties.flatMap((c) =>
      c.exemplarTasks.map((task) => snapshot.narratives.get(c.code)?.[task]).filter((t): t is string => Boolean(t)),
    );
    const others = counties.flatMap((c) =>
      Object.entries(snapshot.narratives.get(c.code) ?? {})
        .filter(([task]) => !c.exemplarTasks.includes(task))
        .map(([, text]) => text),
    );
    // A sentence another, allowed county also wrote may be its; only a sentence of the others' own counts against them.
    const allowedSentences = new Set(
      allowed.flatMap((t) => (t.match(/[^。]+。/g) ?? []).map((x) => x.replace(/^[^，、]*?(区|县|市)/, ''))),
    );
    const ownSaid = (text: string) =>
      (text.match(/[^。]+。/g) ?? []).some(
        (x) => !allowedSentences.has(x.replace(/^[^，、]*?(区|县|市)/, '')) && said(x),
      );
    expect(others.filter((text) => ownSaid(text) && !allowed.includes(text))).toEqual([]);
    // The demo's 蚌埠 has counties meeting their tasks at 12-15, so the summary cites some.
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.filter(said).length).toBeGreaterThan(0);
    const before = await snapshotAt({ db: opened.db, campaign }, '2021-07-31');
    expect(before.narratives.size).toBe(0);
  });
});

describe('reconciliation: counties = city = province', () => {
  const countTable = (parts: Map<string, string>) => tables(parts.get('word/document.xml')!)[1]!;

  test('the county rows of 附件2 add up to its 合计 row, which is the city roll-up', () => {
    const table = countTable(city);
    const [header, ...rows] = table;
    const total = rows.pop()!;
    expect(total[0]).toBe('合计');
    for (let col = 1; col < header!.length; col++) {
      const sum = rows.reduce((s, r) => s + (r[col] === '—' ? 0 : number(r[col]!)), 0);
      expect(sum).toBeCloseTo(number(total[col]!), 2);
    }
    const f = cutToUnit(status, CITY).cities[0]!.figures;
    expect(number(total[1]!)).toBe(f.t10_coordinator_coverage!.denominator);
    expect(number(total[5]!)).toBe(f.t03_temp_aid_cases!.value);
  });

  test('the city rows of the province 附件2 add up to 全省合计, the province roll-up, and each equals that city document total', () => {
    const [header, ...rows] = countTable(province);
    const total = rows.pop()!;
    for (let col = 1; col < header!.length; col++) {
      expect(rows.reduce((s, r) => s + number(r[col]!), 0)).toBeCloseTo(number(total[col]!), 2);
    }
    expect(number(total[2]!)).toBe(status.province.figures.t10_coordinator_coverage!.numerator);
    const cityRow = rows.find((r) => r[0] === '蚌埠市')!;
    expect(cityRow).toEqual(['蚌埠市', ...countTable(city).at(-1)!.slice(1)]);
  });
});

describe('provincial summary', () => {
  const doc = () => texts(province.get('word/document.xml')!);

  test('names cities, not counties, in its body, and signs as 安徽省民政厅', () => {
    const body = doc().slice(0, doc().indexOf('特此报告。'));
    const named = status.counties.filter((c) => {
      const cityName = status.cities.find((x) => x.code === c.cityCode)!.name;
      return (
        body.includes(c.name.startsWith(cityName) ? c.name : `${cityName}${c.name}`) ||
        (c.name.endsWith('县') && body.includes(c.name))
      );
    });
    expect(named.map((c) => c.name)).toEqual([]);
    expect(body.replace(/\s/g, '').length).toBeLessThanOrEqual(4600);
    expect(paragraphs(province.get('word/document.xml')!).some((p) => p.text === '安徽省民政厅')).toBe(true);
  });

  test('the province coverage is the province roll-up', () => {
    const coord = status.province.figures.t10_coordinator_coverage!;
    expect(doc()).toContain(`配备率${percentText(coord.value!)}`);
  });
});

// anhui-2021's two roster gates and the short names of the coverage indicators they show (both require 100%).
const rosterShortNames: Record<string, string> = {
  'gate_overdue:m2': '协理员配备率',
  'gate_overdue:m3': '服务站（点）建成率',
};

describe('supervision notice', () => {
  const doc = () => texts(notice.get('word/document.xml')!);

  test('lists every lagging county, worst first within its city, with its reasons', () => {
    expect(doc()).toContain('安徽省民政厅关于社会救助工作便民惠民优化服务行动进展情况的通报');
    const lagging = status.counties.filter((c) => c.lagging);
    expect(lagging.length).toBeGreaterThan(0);
    for (const county of lagging) {
      expect(doc()).toContain(`${county.name}（全省${shownRank(county, status.counties)}`);
      // A date gate's reason keeps the metrics' sentence, typeset; a roster gate's cell names the indicator as the
      // annex's header does, with the two shares; the others are said in plain words.
      for (const reason of county.reasons.filter((r) => r.code.startsWith('gate_overdue'))) {
        const short = rosterShortNames[reason.code];
        const value = reason.figures.value;
        if (!short) expect(doc()).toContain(typeset(reason.text));
        else if (typeof value === 'number') expect(doc()).toContain(`${short}${percentText(value)}，低于100%`);
        else expect(doc()).toContain(`未上传村级台账，${short}未达100%`);
      }
    }
    // many_red gives the metrics' count, '3项指标未达到序时进度要求', without the names the pages and the 督办单 list:
    // 25 counties' lists would double the 通报.
    const many = lagging.flatMap((c) => c.reasons.filter((r) => r.code === 'many_red'));
    expect(many.length).toBeGreaterThan(0);
    for (const reason of many) expect(doc()).toContain(`${reason.indicators!.length}项指标未达到序时进度要求`);
    expect(doc()).not.toContain('项指标未达到序时进度要求：');
    // DOMAIN "Writing": the 通报's body (主送机关 to 附件说明) at most about 3,500 characters.
    const body = doc().slice(doc().indexOf('各市民政局：'), doc().lastIndexOf('附件：'));
    expect(body.replace(/\s/g, '').length).toBeGreaterThan(1000);
    expect(body.replace(/\s/g, '').length).toBeLessThanOrEqual(3600);
    // No zero count: a visit whose items are all open says 尚未整改销号, not 已整改销号0项.
    expect(doc()).not.toMatch(/[^\d]0项/);
    expect(doc()).not.toMatch(/红色指标|认定标准|关注名单|综合得分/);
    const worstFirst = [...lagging]
      .filter((c) => c.cityCode === CITY)
      .sort((a, b) => b.rankInProvince - a.rankInProvince);
    expect(worstFirst.length).toBeGreaterThan(1);
    const at = worstFirst.map((c) => doc().indexOf(`${c.name}（全省${shownRank(c, status.counties)}`));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  test('the annexed table runs from the county furthest behind to the one least behind', () => {
    const table = tables(notice.get('word/document.xml')!)[0]!;
    const ranks = table.slice(1).map((r) => Number(r[3]!.replace('并列', '')));
    expect(ranks.length).toBe(status.counties.filter((c) => c.lagging).length);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  test('says for each lagging county whether it was visited (gate m4)', () => {
    const table = tables(notice.get('word/document.xml')!)[0]!;
    for (const county of status.counties.filter((c) => c.lagging)) {
      const row = table.find((r) => r[2] === county.name)!;
      const words = {
        met: '按期完成',
        late: '逾期完成',
        overdue: '逾期未完成',
        pending: '应于',
        'n/a': null,
      }[county.gates.m4_supervised!];
      if (words === null) expect(row[6]).toBe('');
      else expect(row[6]).toContain(words);
    }
  });

  test('names each city’s three lowest: those lagging in 二, the others with their score in 三', () => {
    const watch = status.counties.filter((c) => c.watch);
    expect(watch.length).toBeGreaterThan(0);
    for (const county of watch)
      expect(doc()).toContain(
        county.lagging
          ? `${county.name}（全省${shownRank(county, status.counties)}`
          : `${county.name}${scoreText(county.score)}分`,
      );
  });
});

describe('a day before anything is known', () => {
  test('the documents still render and say there is nothing yet', async () => {
    const early = await snapshotAt({ db: opened.db, campaign }, '2021-07-10');
    const content = citySummaryContent(early, CITY);
    const text = texts(unzip(await renderDocx(content)).get('word/document.xml')!);
    expect(text).toContain('全市尚未开展督导评估。');
    expect(text).toContain('截至2021年7月10日，全市各县（市、区）尚无报送数据。');
    expect(text).toContain('2021年7月10日');
    expect(texts(unzip(await renderDocx(supervisionNoticeContent(early))).get('word/document.xml')!)).toContain(
      '重点督导阶段自11月1日开始',
    );
  });
});

describe('HTML preview', () => {
  test('says what the docx says, paragraph for paragraph, with the same charts', () => {
    const content = citySummaryContent(snapshot, CITY);
    const html = renderHtml(content);
    const docText = texts(city.get('word/document.xml')!);
    for (const block of content.body) {
      if (block.kind === 'paragraph') {
        expect(docText).toContain(block.text);
        expect(html).toContain(block.text.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
      }
    }
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('蚌埠市民政局');
  });
});

describe('GB/T 9704 版头, 主体 and 版记', () => {
  const settings = {
    docNumber: '蚌民〔2021〕58号',
    signer: '王立新',
    contactName: '李敏',
    contactPhone: '0552-3021234',
    copyTo: '市人民政府办公室，市财政局',
    recipient: null,
  };
  const set = async () =>
    unzip(await renderDocx(citySummaryContent(snapshot, CITY, settings))).get('word/document.xml')!;
  const all = () => paragraphs(city.get('word/document.xml')!);

  test('the 发文机关标志 comes first, red, in 小标宋', () => {
    const [mark] = all();
    expect(mark!.text).toBe('蚌埠市民政局文件');
    expect(mark!.xml).toContain('<w:color w:val="FF0000"/>');
    expect(mark!.xml).toContain('w:eastAsia="方正小标宋简体"');
  });

  test('an upward 报告 has 发文字号 left and 签发人 right on one line over the red separator; unset they are blanks to fill', () => {
    const line = all().find((p) => p.text.includes('签发人：'))!;
    expect(line.text).toBe('　　　　　〔　　　〕　　号\t签发人：　　　　');
    expect(line.xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
  });

  test('set numbers, signer, contact and 抄送 are printed as set', async () => {
    const doc = await set();
    const ps = paragraphs(doc);
    expect(ps.find((p) => p.text.includes('签发人：'))!.text).toBe('　蚌民〔2021〕58号\t签发人：王立新');
    expect(ps.some((p) => p.text === '（联系人：李敏，联系电话：0552-3021234）')).toBe(true);
    expect(ps.some((p) => p.text === '抄送：市人民政府办公室，市财政局。')).toBe(true);
  });

  test('主送机关: the city reports to 省民政厅, the province to 民政部 unless set, the notice goes to 各市民政局', async () => {
    expect(all().some((p) => p.text === '省民政厅：')).toBe(true);
    expect(paragraphs(province.get('word/document.xml')!).some((p) => p.text === '民政部：')).toBe(true);
    const toOffice = unzip(
      await renderDocx(provinceSummaryContent(snapshot, { ...settings, recipient: '国务院办公厅' })),
    ).get('word/document.xml')!;
    expect(paragraphs(toOffice).some((p) => p.text === '国务院办公厅：')).toBe(true);
    expect(paragraphs(notice.get('word/document.xml')!).some((p) => p.text === '各市民政局：')).toBe(true);
  });

  test('the notice is a 下行文: its 发文字号 is centred and it has no 签发人', () => {
    const ps = paragraphs(notice.get('word/document.xml')!);
    expect(ps[0]!.text).toBe('安徽省民政厅文件');
    const number = ps.find((p) => p.text.includes('〔'))!;
    expect(number.xml).toContain('<w:jc w:val="center"/>');
    expect(ps.some((p) => p.text.includes('签发人'))).toBe(false);
  });

  test('特此报告。 ends the text, then 附件说明, then the signature for a seal, all kept with what comes before', () => {
    const ps = all();
    const end = ps.findIndex((p) => p.text === '特此报告。');
    const note = ps.findIndex((p) => p.text.startsWith('附件：1.'));
    const issuer = ps.findIndex((p) => p.text === '蚌埠市民政局');
    expect(end).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(end);
    expect(issuer).toBeGreaterThan(note);
    for (const p of ps.slice(end, issuer + 2)) expect(p.xml).toContain('<w:keepNext/>');
    // The date 4 characters (4 × 315 twips) from the right; the 6-character issuer centred over the 7-wide date: 4.5.
    expect(ps[issuer + 1]!.text).toBe('2021年12月15日');
    expect(ps[issuer + 1]!.xml).toContain('w:right="1260"');
    expect(ps[issuer]!.xml).toContain('w:right="1418"');
    expect(ps[issuer + 2]!.text).toBe('（联系人：　　　　，联系电话：　　　　　　　　）');
  });

  test('版记 closes the document: 抄送 and 印发机关和印发日期 between thick outer and thin inner lines', () => {
    const tbls = tables(city.get('word/document.xml')!);
    const imprint = tbls[tbls.length - 1]!;
    expect(imprint.map((r) => r[0])).toEqual(['抄送：　　　　　　　　。', '蚌埠市民政局办公室\t2021年12月15日印发']);
    const xml = city.get('word/document.xml')!;
    const last = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(last).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(last).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="4"\/>/);
    expect(last.indexOf('</w:tbl>')).toBeGreaterThan(last.length - 600);
  });
});

describe('font table: every face with its fallback', () => {
  const fontsOf = (parts: Map<string, string>) =>
    new Map(
      [...parts.get('word/fontTable.xml')!.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)].map((m) => [
        m[1]!,
        {
          alt: /<w:altName w:val="([^"]+)"/.exec(m[2]!)?.[1],
          charset: /<w:charset w:val="([^"]+)"/.exec(m[2]!)?.[1],
          panose: /<w:panose1 w:val="([^"]+)"/.exec(m[2]!)?.[1],
        },
      ]),
    );

  test('each Chinese face falls back to the face Windows ships, then to its Latin name, in the GB2312 charset', () => {
    for (const parts of [city, province, notice]) {
      const fonts = fontsOf(parts);
      const chain = (name: string): string[] => {
        const alt = fonts.get(name)?.alt;
        return alt ? [name, ...chain(alt)] : [name];
      };
      expect(chain('仿宋_GB2312')).toEqual(['仿宋_GB2312', '仿宋', 'FangSong']);
      expect(chain('楷体_GB2312')).toEqual(['楷体_GB2312', '楷体', 'KaiTi']);
      expect(chain('方正小标宋简体')).toEqual(['方正小标宋简体', '小标宋', '宋体', 'SimSun']);
      expect(chain('黑体')).toEqual(['黑体', 'SimHei']);
      for (const name of ['仿宋_GB2312', '仿宋', '楷体_GB2312', '楷体', '方正小标宋简体', '小标宋', '黑体', '宋体'])
        expect(fonts.get(name)?.charset).toBe('86');
      expect(fonts.get('宋体')?.panose).toBe('02010600030101010101');
      expect(fonts.get('黑体')?.panose).toBe('02010609060101010101');
      expect(fonts.get('Times New Roman')?.charset).toBe('00');
    }
  });

  test('every face the text uses is in the table', () => {
    const fonts = fontsOf(city);
    const used = new Set([...city.get('word/document.xml')!.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]!));
    for (const name of used) expect(fonts.has(name), name).toBe(true);
  });
});

describe('主要做法和成效: a practice several counties share is written once', () => {
  const SHARED = '建立了困难群众主动发现机制，做到早发现、早救助。';
  // The city and task with the most counties the metrics let be cited, so its summary cites two of them.
  const pick = () => {
    const tasks = campaign.tasks.map((t) => t.code);
    const options = status.cities.flatMap((city) =>
      tasks.map((task) => ({
        city: city.code,
        task,
        eligible: status.counties.filter((c) => c.cityCode === city.code && c.exemplarTasks.includes(task)),
      })),
    );
    return options.sort((a, b) => b.eligible.length - a.eligible.length)[0]!;
  };
  const cityCounties = () => status.counties.filter((c) => c.cityCode === pick().city);
  // Every county of the city states the same practice, then one figure of its own: 100 + its position, by hand.
  const own = (i: number, name: string) => `${name}本年累计走访困难家庭${100 + i}户。`;
  const fixture = (): Snapshot => {
    const narratives = new Map(snapshot.narratives);
    cityCounties().forEach((c, i) =>
      narratives.set(c.code, {
        ...(narratives.get(c.code) ?? {}),
        [pick().task]: `${c.name}${SHARED}${own(i, c.name)}`,
      }),
    );
    return { ...snapshot, narratives };
  };

  test('the city summary states a practice every county shares once, and cites a county only where the metrics allow', async () => {
    expect(pick().eligible.length).toBeGreaterThanOrEqual(2);
    const xml = unzip(await renderDocx(citySummaryContent(fixture(), pick().city))).get('word/document.xml')!;
    const body = texts(xml);
    expect(body.split(typeset(SHARED)).length - 1).toBe(1);
    const shared = paragraphs(xml).find((p) => p.text.includes(typeset(SHARED)))!;
    const name = shared.text.slice(0, -typeset(SHARED).length - typeset(own(0, '')).length + 2);
    expect(pick().eligible.some((c) => shared.text.startsWith(c.name))).toBe(true);
    expect(name.length).toBeGreaterThan(0);
  });

  test('no narrative sentence of the demo is written twice in any summary', async () => {
    const sentencesOf = (text: string) => text.match(/[^。]+。/g) ?? [];
    for (const parts of [city, province]) {
      const body = texts(parts.get('word/document.xml')!);
      for (const [code, byTask] of snapshot.narratives) {
        const name = status.counties.find((c) => c.code === code)!.name;
        for (const text of Object.values(byTask)) {
          for (const sentence of sentencesOf(text)) {
            // What the sentence says, without its county's name or the 此外 that joins it to the one before.
            const said = typeset(
              (sentence.startsWith(name) ? sentence.slice(name.length) : sentence).replace(/^此外，/, ''),
            );
            expect(body.split(said).length - 1, said).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });
});

describe('存在的问题: a county short of a yes/no or at-least duty is named with the definition’s words', () => {
  test('实现数据共享的部门 below 8 and no 签约服务机构, after each county short of them', () => {
    const body = texts(city.get('word/document.xml')!);
    // Below the plan's thresholds, past their deadline: 8 departments sharing data, 1 contracted agency.
    const short = (code: string, min: number) =>
      status.counties.filter(
        (c) => c.cityCode === CITY && c.indicators[code]?.value != null && c.indicators[code].value < min,
      );
    const cases = [
      { code: 't04_departments_sharing', min: 8, words: '实现数据共享的部门不足8个' },
      { code: 't07_service_providers', min: 1, words: '签约社会救助服务机构' },
    ];
    let seen = 0;
    for (const { code, min, words } of cases) {
      for (const county of short(code, min)) {
        const at = body.indexOf(county.name, body.indexOf('三、存在的问题'));
        expect(at).toBeGreaterThan(0);
        expect(body).toContain(words);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('存在的问题 (一): shortfalls grouped by cause, a sentence per group of the campaign file', () => {
  test('the 蚌埠 shortfalls sit in the sentence of their task’s group, the groups in the file’s order', () => {
    const body = texts(city.get('word/document.xml')!);
    const from = body.indexOf('（一）', body.indexOf('三、存在的问题'));
    const point = body.slice(from, body.indexOf('（二）', from));
    const sentences = point.split('。').slice(1);
    const groups = campaign.documents.problems.targetGroups!;
    // Three indicators from three groups, with the words the text uses for them; each is named only where some
    // 蚌埠 county's reported figure is below the plan's 100% (value / denominator < 1, worked out here).
    const cases = [
      { lead: '兜底保障方面', code: 't03_townships_with_reserve', words: '临时救助备用金' },
      { lead: '机制建设方面', code: 't06_townships_delegated', words: '审核确认权限下放' },
      { lead: '基层服务能力方面', code: 't10_coordinator_coverage', words: '协理员配备率' },
    ];
    let seen = 0;
    for (const { lead, code, words } of cases) {
      const short = status.counties.filter((c) => {
        const r = c.indicators[code];
        return c.cityCode === CITY && r?.value != null && r.status === 'red';
      });
      const sentence = sentences.find((s) => s.startsWith(`${lead}，`));
      if (short.length === 0) continue;
      expect(sentence, lead).toBeDefined();
      expect(sentence).toContain(words);
      for (const c of short) expect(sentence).toContain(c.name);
      seen++;
    }
    expect(seen).toBeGreaterThanOrEqual(2);
    const order = sentences.map((s) => groups.findIndex((g) => s.startsWith(`${g.lead}，`))).filter((i) => i >= 0);
    expect(order).toStrictEqual([...order].sort((a, b) => a - b));
    // No shortfall outside a group's sentence when every task with a target is in a group.
    expect(point).not.toContain('此外，');
  });
});

describe('year-end documents never carry a month’s wording', () => {
  const MONTH = /本月|上月|本周|\d{1,2}月(?:新增|末|底)/;

  test('the demo’s 蚌埠 city summary, provincial summary and notice at 12-15 say no 本月 and no “11月新增”', () => {
    for (const parts of [city, province, notice]) {
      const body = texts(parts.get('word/document.xml')!);
      expect(body).not.toMatch(MONTH);
      // A share takes no measure word: '（88.3%）', never '（88.3%个）'.
      expect(body).not.toMatch(/%[个人件户家]/);
      // The counties’ narratives are there, in their own words.
      expect(body.length).toBeGreaterThan(2000);
    }
  });

  test('the three documents name the many_red rule as the pages do: 未达到序时进度要求, never 序时要求', () => {
    const bodies = [city, province, notice].map((parts) => texts(parts.get('word/document.xml')!));
    expect(bodies.filter((b) => b.includes('指标未达到序时进度要求')).length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) expect(body).not.toContain('序时要求');
  });

  test('a narrative’s sentence about one month is left out; its practice is quoted', async () => {
    // Every county of the city reports one practice and one month's figure on every task.
    const narratives = new Map(snapshot.narratives);
    for (const c of status.counties.filter((c) => c.cityCode === CITY)) {
      const tasks = campaign.tasks.map((t) => t.code);
      narratives.set(
        c.code,
        Object.fromEntries(
          tasks.map((t) => [
            t,
            `${c.name}依托乡镇便民服务中心设立社会救助服务窗口。11月新增救助12人。本月走访困难家庭30户。`,
          ]),
        ),
      );
    }
    const body = texts(
      unzip(await renderDocx(citySummaryContent({ ...snapshot, narratives }, CITY))).get('word/document.xml')!,
    );
    expect(body).toContain('依托乡镇便民服务中心设立社会救助服务窗口');
    expect(body).not.toContain('11月新增');
    expect(body).not.toContain('本月');
  });
});
