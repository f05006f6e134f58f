import { rankText } from './rank-text';
import {
  cityGateDefs,
  countyGateDefs,
  gateOfKind,
  latestDuePeriod,
  periodText,
  timelinessCounts,
  type GateStatus,
} from '@dudao/metrics';
import { cadenceWord, type CampaignDef } from '@dudao/schema/campaign';
import { paragraph, type Block } from './content';
import { chineseDate, monthDay, scoreText } from './format';
import { figurePhrase } from './phrases';
import { countiesWord, type ScopeView } from './view';

/** The roster coverages the campaign derives, in its order: what 基本情况 reports of the villages. */
export function coverageCodes(campaign: CampaignDef): string[] {
  return campaign.indicators.filter((d) => d.derived?.kind === 'coverage').map((d) => d.code);
}

function count<T>(items: T[], pick: (item: T) => boolean): number {
  return items.filter(pick).length;
}

/** The village coverages of the scope on the day, as one sentence. */
function coverageParagraph(view: ScopeView): Block {
  const { campaign, asOf } = view.snapshot;
  const codes = coverageCodes(campaign);
  const phrases = codes
    .map((code) =>
      figurePhrase(
        campaign,
        campaign.indicators.find((d) => d.code === code)!,
        view.figures[code],
      ),
    )
    .filter((p) => p !== null);
  const reporting = Math.max(0, ...codes.map((code) => view.figures[code]?.countiesReporting ?? 0));
  const note =
    reporting > 0 && reporting < view.counties.length ? `（已上传村级台账的${countiesWord(reporting)}）` : '';
  return paragraph(
    `截至${chineseDate(asOf)}，${view.word}${note}${phrases.length ? phrases.join('；') : '尚无村级台账数据'}。`,
  );
}

/** The supervision owed to the counties lagging on the supervision gate's day; nothing without that gate. */
function supervisionSentence(view: ScopeView): string {
  const { campaign, asOf } = view.snapshot;
  const gate = gateOfKind(campaign, 'supervision_of_lagging');
  if (!gate) return '';
  const start = gate.laggingOn;
  const owed = view.counties.filter((c) => (c.gates[gate.code] ?? 'n/a') !== 'n/a');
  const visited = (s: GateStatus) => count(owed, (c) => c.gates[gate.code] === s);
  if (asOf < start) return `实地督导将于${monthDay(start)}起对届时进展缓慢的县（市、区）开展。`;
  if (owed.length === 0) return `${monthDay(start)}没有列为进展缓慢、需要实地督导的县（市、区）。`;
  return `${monthDay(start)}列为进展缓慢的${countiesWord(owed.length)}中，按期完成实地督导${visited('met')}个，逾期完成${visited('late')}个，尚未督导${visited('overdue') + visited('pending')}个。`;
}

/** The county's own gates (every one but supervision, the city's duty), each with how many met it on time. */
function countyGatesSentence(view: ScopeView): string {
  const { campaign } = view.snapshot;
  const gates = countyGateDefs(campaign).filter((g) => g.kind !== 'supervision_of_lagging');
  if (gates.length === 0) return '';
  const parts = gates.map((g, i) => {
    const met = count(view.counties, (c) => c.gates[g.code] === 'met');
    const exempt = count(view.counties, (c) => c.gates[g.code] === 'n/a');
    const note = exempt ? `（另有${exempt}个没有符合条件的村，不作要求）` : '';
    return `${i === 0 ? `${met}个县（市、区）` : `${met}个`}按期完成“${g.name}”${note}`;
  });
  return `从关键节点看，${parts.join('，')}。`;
}

/** How the counties stand on their gates, on time with their periodic reports, and on the supervision owed to them. */
function gatesParagraph(view: ScopeView): Block {
  const { counties } = view;
  const { campaign, asOf } = view.snapshot;
  const supervision = supervisionSentence(view);
  // 按时报送 has one meaning (DOMAIN "Timeliness"), counted by the metrics; late_report's grace is a lagging rule only.
  const t = timelinessCounts(counties, campaign, asOf);
  const progress = `${cadenceWord(campaign.periods)}进展情况`;
  const reports =
    t.period === null
      ? `${progress}尚未到首次报送期限。`
      : `${t.onTime}个县（市、区）按时报送${periodText(t.period)}${periodText(t.period).endsWith('季度') ? '进展情况' : progress}，逾期报送${t.late}个，尚未报送${t.missing}个。`;
  return paragraph(`${countyGatesSentence(view)}${reports}${supervision}`);
}

/** 一、基本情况 for a city. */
export function cityBasics(view: ScopeView): Block[] {
  const city = view.snapshot.status.cities.find((c) => c.code === view.code)!;
  const cities = view.snapshot.status.cities.length;
  const watch = count(view.counties, (c) => c.watch);
  const score =
    city.score === null
      ? '尚无综合得分'
      : `综合得分${scoreText(city.score)}分，在全省${cities}个市中排名${rankText(city.provinceRank, '位')}`;
  return [
    paragraph(`${view.name}共辖${countiesWord(view.counties.length)}。`),
    coverageParagraph(view),
    paragraph(
      `按照行动方案确定的评估办法，${view.word}${score}；进展缓慢的县（市、区）${city.laggingCount}个，列入关注名单的${watch}个。`,
    ),
    gatesParagraph(view),
  ];
}

/** 一、基本情况 for the province, with the cities ranked. */
export function provinceBasics(view: ScopeView): Block[] {
  const { status } = view.snapshot;
  const ranked = [...status.cities]
    .sort((a, b) => a.rank - b.rank)
    .map((c) => `${c.name}${c.score === null ? '（未评分）' : `${scoreText(c.score)}分`}`);
  const summary = cityGateDefs(view.snapshot.campaign).find((g) => g.kind === 'summary_submitted');
  const m5 = (s: GateStatus) => count(status.cities, (c) => summary !== undefined && c.gates[summary.code] === s);
  const score =
    status.province.score === null ? '尚无综合得分' : `各县（市、区）综合得分平均${scoreText(status.province.score)}分`;
  return [
    paragraph(`${view.name}共辖${status.cities.length}个市、${countiesWord(view.counties.length)}。`),
    coverageParagraph(view),
    paragraph(
      `按照行动方案确定的评估办法，${view.word}${score}，进展缓慢的县（市、区）${status.province.laggingCount}个。各市综合得分由高到低依次为：${ranked.join('、')}。`,
    ),
    gatesParagraph(view),
    ...(summary
      ? [
          paragraph(
            `市级行动总结已按期报送${m5('met')}个市，逾期报送${m5('late')}个，尚未报送${m5('pending') + m5('overdue')}个。`,
          ),
        ]
      : []),
  ];
}
