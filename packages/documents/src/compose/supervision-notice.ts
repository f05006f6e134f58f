import { laggingWordOf } from './prose';
import { cadenceWord, type NoticePart } from '@dudao/schema/campaign';
import { rankCell, rankText } from './rank-text';
import { reasonsText, reasonWords } from './reason-words';
import { cityGateDefs, gateOfKind, type CountyStatus } from '@dudao/metrics';
import { heading, paragraph, type Block, type Cell, type DocumentContent } from '../content';
import { byDeadline, chineseDate, chineseNumber, gateWords, monthDay, scoreText, typeset } from './format';
import { byRankInProvince, cityName, fullName, type KnownSupervision, type Snapshot } from '../snapshot';
import { countiesWord, joinNames } from './view';
import { noSettings, type DocumentSettings } from '../settings';
import {
  cityIssuer,
  contactNote,
  documentWords,
  printedBy,
  provinceBureau,
  provinceIssuer,
  recipientText,
} from './titles';

const scoreWords = (snapshot: Snapshot, c: CountyStatus) =>
  c.score === null ? '未评分' : `${snapshot.campaign.documents.assessment.name}得分${scoreText(c.score)}分`;

/** The supervision gate of one lagging county, in words, with the visit behind it when there is one; '' without that gate. */
export function supervisionWords(
  snapshot: Snapshot,
  county: CountyStatus,
  visit: KnownSupervision | undefined,
): string {
  const gate = gateOfKind(snapshot.campaign, 'supervision_of_lagging');
  if (!gate) return '';
  const status = county.gates[gate.code] ?? 'n/a';
  if (status === 'n/a') return '';
  if (!visit)
    return status === 'pending'
      ? `尚未开展实地督导（应${byDeadline(gate.deadline, snapshot.asOf)}完成）`
      : `尚未开展实地督导（${gateWords[status]}）`;
  const by =
    visit.byLevel === 'province'
      ? provinceBureau(snapshot.campaign)
      : cityIssuer(snapshot.campaign, cityName(snapshot, county.cityCode));
  const items =
    visit.items === 0
      ? ''
      : visit.items === visit.closed
        ? `，发现的${visit.items}项问题已全部整改销号`
        : `，发现问题${visit.items}项${visit.closed > 0 ? `、已整改销号${visit.closed}项` : '、尚未整改销号'}${visit.overdue > 0 ? `、逾期未整改${visit.overdue}项` : ''}`;
  return `${by}已于${chineseDate(visit.firstVisitOn)}开展实地督导（${gateWords[status]}）${items}`;
}

function overview(snapshot: Snapshot, lagging: CountyStatus[]): Block[] {
  const { status, asOf } = snapshot;
  const withLagging = status.cities.filter((c) => c.laggingCount > 0).map((c) => `${c.name}${c.laggingCount}个`);
  const clean = status.cities.filter((c) => c.laggingCount === 0).map((c) => c.name);
  const name = snapshot.campaign.documents.assessment.name;
  const word = laggingWordOf(snapshot.campaign);
  const average = status.province.score === null ? '中，' : `${name}平均得分${scoreText(status.province.score)}分；`;
  return [
    paragraph(
      `截至${chineseDate(asOf)}，全省${countiesWord(status.counties.length)}${average}其中${word}的${lagging.length}个。` +
        (withLagging.length ? `分市看，${word}的县（市、区）数量为：${withLagging.join('、')}` : '') +
        (clean.length ? `；${joinNames(clean)}没有${word}的县（市、区）。` : '。'),
    ),
  ];
}

function laggingSection(snapshot: Snapshot, lagging: CountyStatus[], visits: Map<string, KnownSupervision>): Block[] {
  const blocks: Block[] = [paragraph(snapshot.campaign.documents.notice.laggingLead)];
  const cities = snapshot.status.cities.filter((city) => lagging.some((c) => c.cityCode === city.code));
  cities.forEach((city, i) => {
    const own = lagging.filter((c) => c.cityCode === city.code);
    blocks.push(heading(2, `（${chineseNumber(i + 1)}）${city.name}（${own.length}个）`));
    own.forEach((county, j) => {
      // The count of indicators behind, not their names: 25 counties' lists would double the 通报 (DOMAIN: about 3,500
      // characters); the names are on the county's page and in the 督办单, the figures in the Excel annex.
      const reasons = reasonsText(snapshot, county, true);
      const words = [reasons, supervisionWords(snapshot, county, visits.get(county.code))].filter((w) => w !== '');
      blocks.push(
        paragraph(`${words.join('。')}。`, {
          level: 3,
          text: `${j + 1}.${county.name}（全省${rankText(county.provinceRank)}，${scoreWords(snapshot, county)}）。`,
        }),
      );
    });
  });
  return blocks;
}

/** The cities' three lowest not already listed as lagging, one line per city: '合肥市：庐阳区97.5分、……'. */
function watchSection(snapshot: Snapshot): Block[] {
  const lines: string[] = [];
  for (const city of snapshot.status.cities) {
    const watch = snapshot.status.counties
      .filter((c) => c.cityCode === city.code && c.watch && !c.lagging)
      .sort(byRankInProvince);
    if (watch.length > 0)
      lines.push(`${city.name}：${joinNames(watch.map((c) => `${c.name}${scoreText(c.score)}分`))}`);
  }
  if (lines.length === 0) return [];
  return [paragraph(snapshot.campaign.documents.notice.watchLead), paragraph(`${lines.join('；')}。`)];
}

/** What the supervision gate still asks of the cities on the day; '' without that gate. */
function supervisionDemand(snapshot: Snapshot): string {
  const { campaign, status, asOf } = snapshot;
  const gate = gateOfKind(campaign, 'supervision_of_lagging');
  if (!gate) return '';
  const [start, due] = [gate.laggingOn, gate.deadline];
  if (asOf < start)
    return `重点督导阶段自${monthDay(start)}开始，各市要对届时${laggingWordOf(campaign)}的县（市、区）${byDeadline(due, asOf)}全部开展实地督导。`;
  const names = (s: 'pending' | 'overdue') =>
    status.counties.filter((c) => c.gates[gate.code] === s).map((c) => fullName(snapshot, c));
  const [pending, overdue] = [names('pending'), names('overdue')];
  const parts = [
    ...(pending.length ? [`${joinNames(pending)}尚未开展实地督导，所在市要${byDeadline(due, asOf)}完成`] : []),
    ...(overdue.length ? [`${joinNames(overdue)}逾期未开展实地督导，所在市要立即组织开展`] : []),
  ];
  return parts.length
    ? `${monthDay(start)}列为${laggingWordOf(campaign)}的县（市、区）中，${parts.join('；')}。`
    : `${monthDay(start)}列为${laggingWordOf(campaign)}的县（市、区）均已开展实地督导，各市要跟踪督导发现问题的整改销号。`;
}

/** Open dispatch orders of the lagging counties, when there are any (counted by the metrics' `countyDispatch`). */
function dispatchRequirement(snapshot: Snapshot, lagging: CountyStatus[]): Block[] {
  const mine = snapshot.dispatch.filter((d) => lagging.some((c) => c.code === d.countyCode));
  const open = mine.filter((d) => d.open > 0);
  // Counted apart: closed on the reviewer's word while the figures still show the problem (办结但问题仍在).
  const stillThere = mine.reduce((s, d) => s + d.closedStillHolding, 0);
  if (open.length === 0 && stillThere === 0) return [];
  const issued = mine.reduce((s, d) => s + d.issued, 0);
  const openCount = open.reduce((s, d) => s + d.open, 0);
  const stillText = stillThere > 0 ? `另有${stillThere}件已办结但问题仍在，相关市要重新核查、跟踪整改。` : '';
  if (open.length === 0)
    return [
      paragraph(
        `向上述县（市、区）下发的${issued}件督办单均已办结，但其中${stillThere}件督办的问题在数据中仍然存在，相关市要重新核查、跟踪整改。`,
        {
          level: 2,
          text: `（三）${snapshot.campaign.documents.notice.requirements.dispatch}。`,
        },
      ),
    ];
  const names = open.map((d) =>
    fullName(
      snapshot,
      lagging.find((c) => c.code === d.countyCode)!,
    ),
  );
  return [
    paragraph(
      `向上述县（市、区）下发的${issued}件督办单中，尚未办结${openCount}件，涉及${names.length > 5 ? countiesWord(names.length) : joinNames(names)}。相关市要督促逐件办结。${stillText}`,
      { level: 2, text: `（三）${snapshot.campaign.documents.notice.requirements.dispatch}。` },
    ),
  ];
}

function requirements(snapshot: Snapshot, lagging: CountyStatus[]): Block[] {
  const { campaign, status, asOf } = snapshot;
  const summary = cityGateDefs(campaign).find((g) => g.kind === 'summary_submitted');
  const byGate = (...gates: string[]) =>
    status.cities
      .filter((c) => summary !== undefined && gates.includes(c.gates[summary.code] ?? 'n/a'))
      .map((c) => c.name);
  const [submitted, pending, overdue] = [byGate('met', 'late'), byGate('pending'), byGate('overdue')];
  const visitText = supervisionDemand(snapshot);
  const summaryParts = [
    submitted.length ? `${joinNames(submitted)}已报送市级行动总结` : '尚无市报送市级行动总结',
    ...(pending.length
      ? [
          `${pending.length === status.cities.length ? '各市' : joinNames(pending)}要${byDeadline(campaign.summaryDue, asOf)}报送${provinceBureau(campaign)}`,
        ]
      : []),
    ...(overdue.length ? [`${joinNames(overdue)}已逾期，要立即报送`] : []),
  ];
  const summaryText = `截至${chineseDate(asOf)}，${summaryParts.join('；')}。`;
  const dispatch = dispatchRequirement(snapshot, lagging);
  const titles = campaign.documents.notice.requirements;
  return [
    paragraph(
      `各市要督促${lagging.length ? `本通报列出的${countiesWord(lagging.length)}` : '所辖县（市、区）'}对照问题逐项整改，整改情况随下一期${cadenceWord(campaign.periods)}进展情况一并报送。`,
      { level: 2, text: `（一）${titles.rectify}。` },
    ),
    paragraph(visitText, { level: 2, text: `（二）${titles.supervise}。` }),
    ...dispatch,
    paragraph(summaryText, { level: 2, text: `（${dispatch.length ? '四' : '三'}）${titles.summary}。` }),
  ];
}

function laggingTable(snapshot: Snapshot, lagging: CountyStatus[], visits: Map<string, KnownSupervision>): Block {
  const rows: Cell[][] = lagging.map((c, i) => [
    String(i + 1),
    cityName(snapshot, c.cityCode),
    c.name,
    rankCell(c.provinceRank),
    c.score === null ? '—' : scoreText(c.score),
    c.reasons.map((r) => reasonWords(snapshot, r, true)),
    typeset(supervisionWords(snapshot, c, visits.get(c.code))),
  ]);
  return {
    kind: 'table',
    columns: [
      { header: '序号', width: 2 },
      { header: '市', width: 4 },
      { header: ['县', '（市、区）'], width: 5 },
      { header: ['全省', '排名'], width: 3.5 },
      { header: [snapshot.campaign.documents.assessment.name, '得分（分）'], width: 4, align: 'right' },
      { header: `${laggingWordOf(snapshot.campaign)}原因`, width: 11, align: 'left' },
      { header: '实地督导', width: 9, align: 'left' },
    ],
    rows,
  };
}

/** 督导通报: the lagging counties ranked, with their reasons in the metrics' own sentences and the supervision owed to them. */
export function supervisionNoticeContent(snapshot: Snapshot, settings: DocumentSettings = noSettings): DocumentContent {
  // Worst first (DOMAIN Reports): the counties furthest behind lead the notice and its table.
  const lagging = snapshot.status.counties.filter((c) => c.lagging).sort((a, b) => byRankInProvince(b, a));
  const visits = snapshot.supervision;
  const { campaign } = snapshot;
  const texts = campaign.documents.notice;
  const issuer = provinceIssuer(campaign);
  const words = documentWords(snapshot, issuer, snapshot.status.province.name);
  const parts: Record<NoticePart, () => Block[]> = {
    overview: () => overview(snapshot, lagging),
    lagging: () => laggingSection(snapshot, lagging, visits),
    watch: () => watchSection(snapshot),
    requirements: () => requirements(snapshot, lagging),
  };
  return {
    direction: 'down',
    mark: words(texts.mark),
    settings,
    title: texts.title.map(words),
    recipient: recipientText(words(texts.recipient)),
    body: [
      paragraph(words(texts.opening)),
      ...texts.sections
        .map((s) => ({ heading: s.heading, blocks: parts[s.part]() }))
        .filter((s) => s.blocks.length > 0)
        .flatMap((s, i) => [heading(1, `${chineseNumber(i + 1)}、${s.heading}`), ...s.blocks]),
    ],
    issuer,
    date: chineseDate(snapshot.asOf),
    note: contactNote(campaign, settings),
    printedBy: printedBy(campaign, issuer),
    attachments: [{ label: '附件', title: words(texts.annex), blocks: [laggingTable(snapshot, lagging, visits)] }],
  };
}
