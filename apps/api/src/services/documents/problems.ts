import { rankText } from './rank-text';
import { dispatchProblem } from './dispatch-hook';
import { countyGateDefs, gateOfKind, type CountyStatus, type ReasonCode } from '@dudao/metrics';
import { cadenceWord, type CampaignDef } from '@dudao/schema/campaign';
import { paragraph, type Block } from './content';
import { displayName } from './phrases';
import { chineseDate, chineseNumber, monthDay, scoreText } from './format';
import { countiesWord, joinNames, type ScopeView } from './view';

/** The general lagging reasons' headings; a gate's reason is headed by its gate (see `reasonHeadings`). */
const generalTitles = (campaign: CampaignDef): Record<'low_score' | 'many_red' | 'late_report', string> => ({
  low_score: '综合得分偏低',
  many_red: '红色指标较多',
  late_report: `${cadenceWord(campaign.periods)}进展报送不及时`,
});

/** Every reason heading in the order the section lists them: the county gates of the campaign first, then the general ones. */
export function reasonHeadings(campaign: CampaignDef): { code: ReasonCode; title: string }[] {
  const gates = countyGateDefs(campaign)
    .filter((g) => g.kind === 'date_by' || g.kind === 'roster_condition')
    .map((g) => ({ code: `gate_overdue:${g.reasonCode ?? g.code}` as ReasonCode, title: `${g.name}未按期完成` }));
  const general = Object.entries(generalTitles(campaign)).map(([code, title]) => ({ code: code as ReasonCode, title }));
  return [...gates, ...general];
}

/** Indicator code → the counties where it stands red (a missing report counts as red). */
export function redIndicators(view: ScopeView): { code: string; name: string; counties: CountyStatus[] }[] {
  const { indicators } = view.snapshot.campaign;
  return indicators
    .map((def) => ({
      code: def.code,
      name: displayName(view.snapshot.campaign, def),
      counties: view.counties.filter((c) => ['red', 'missing'].includes(c.indicators[def.code]?.status ?? '')),
    }))
    .filter((r) => r.counties.length > 0)
    .sort((a, b) => b.counties.length - a.counties.length);
}

function reasonParagraphs(view: ScopeView, lagging: CountyStatus[], next: () => string): Block[] {
  const blocks: Block[] = [];
  for (const { code, title } of reasonHeadings(view.snapshot.campaign)) {
    const hits = lagging.flatMap((county) =>
      county.reasons.filter((r) => r.code === code).map((r) => `${view.label(county)}${r.text}`),
    );
    if (hits.length === 0) continue;
    blocks.push(
      paragraph(`涉及${countiesWord(hits.length)}：${hits.join('；')}。`, { level: 2, text: `${next()}${title}。` }),
    );
  }
  return blocks;
}

/** 三、存在的问题: the lagging counties' own reasons grouped by kind, the red indicators, the bottom of the ranking, supervision owed. */
export function problemBlocks(view: ScopeView): Block[] {
  let n = 0;
  const next = () => `（${chineseNumber(++n)}）`;
  const lagging = view.counties.filter((c) => c.lagging);
  const titles = view.snapshot.campaign.documents.problems;
  const date = chineseDate(view.snapshot.asOf);
  const blocks: Block[] = [
    paragraph(
      lagging.length > 0
        ? `对照行动方案任务要求和序时进度，截至${date}，${view.word}有进展缓慢的县（市、区）${lagging.length}个，主要问题如下。`
        : `对照行动方案任务要求和序时进度，截至${date}，${view.word}没有进展缓慢的县（市、区），但仍存在以下差距。`,
    ),
    ...reasonParagraphs(view, lagging, next),
  ];
  const red = redIndicators(view).slice(0, 6);
  if (red.length > 0) {
    const parts = red.map((r) => `${r.name}${r.counties.length}个县（市、区）`);
    blocks.push(
      paragraph(`处于红色状态（含缺报）的指标中，涉及县（市、区）较多的是：${parts.join('，')}。`, {
        level: 2,
        text: `${next()}${titles.red}。`,
      }),
    );
  }
  const watch = view.counties.filter((c) => c.watch);
  if (view.level === 'city' && watch.length > 0) {
    const names = watch.map(
      (c) => `${c.name}（市内${rankText(c.cityRank)}，${c.score === null ? '未评分' : `${scoreText(c.score)}分`}）`,
    );
    blocks.push(
      paragraph(`按综合得分排名，${joinNames(names)}位列全市后三位，列入关注名单。`, {
        level: 2,
        text: `${next()}${titles.ranking}。`,
      }),
    );
  } else if (watch.length > 0) {
    const both = watch.filter((c) => c.lagging).length;
    blocks.push(
      paragraph(`各市综合得分后三位的${countiesWord(watch.length)}列入关注名单，其中${both}个同时进展缓慢。`, {
        level: 2,
        text: `${next()}${titles.ranking}。`,
      }),
    );
  }
  const dispatch = dispatchProblem(
    view.snapshot.dispatch,
    view.counties,
    view.label,
    `（${chineseNumber(n + 1)}）`,
    titles.dispatch,
    view.snapshot.campaign.reportName,
  );
  if (dispatch) {
    n++;
    blocks.push(dispatch);
  }
  const supervision = gateOfKind(view.snapshot.campaign, 'supervision_of_lagging');
  const unvisited = supervision ? view.counties.filter((c) => c.gates[supervision.code] === 'overdue') : [];
  if (supervision && unvisited.length > 0) {
    blocks.push(
      paragraph(
        `${monthDay(supervision.laggingOn)}列为进展缓慢的县（市、区）中，${joinNames(unvisited.map((c) => view.label(c)))}截至目前尚未开展实地督导。`,
        { level: 2, text: `${next()}${titles.unvisited}。` },
      ),
    );
  }
  return blocks;
}
