import { rankText } from './rank-text';
import { latestDuePeriod, periodText, timelinessCounts, type GateStatus } from '@dudao/metrics';
import { supervisionStart } from '../known/read';
import { paragraph, type Block } from './content';
import { chineseDate, monthDay, scoreText } from './format';
import { figurePhrase } from './phrases';
import { countiesWord, type ScopeView } from './view';

const coverageCodes = ['t10_coordinator_coverage', 't10_station_coverage', 't10_civil_affairs_coverage'];

function count<T>(items: T[], pick: (item: T) => boolean): number {
  return items.filter(pick).length;
}

/** The village coverages of the scope on the day, as one sentence. */
function coverageParagraph(view: ScopeView): Block {
  const { campaign, asOf } = view.snapshot;
  const phrases = coverageCodes.map((code) => figurePhrase(campaign, campaign.indicators.find((d) => d.code === code)!, view.figures[code])).filter((p) => p !== null);
  const reporting = view.figures.t10_coordinator_coverage?.countiesReporting ?? 0;
  const note = reporting > 0 && reporting < view.counties.length ? `（已上传村级台账的${countiesWord(reporting)}）` : '';
  return paragraph(`截至${chineseDate(asOf)}，${view.word}${note}${phrases.length ? phrases.join('；') : '尚无村级台账数据'}。`);
}

/** How the counties stand on gates m1–m3, on time with their monthly reports, and on the supervision owed to them. */
function gatesParagraph(view: ScopeView): Block {
  const { counties } = view;
  const gate = (g: 'm1_plan_issued' | 'm2_coordinators' | 'm3_stations', s: GateStatus) => count(counties, (c) => c.gates[g] === s);
  const owed = counties.filter((c) => c.gates.m4_supervised !== 'n/a');
  const m4 = (s: GateStatus) => count(owed, (c) => c.gates.m4_supervised === s);
  const { campaign, asOf } = view.snapshot;
  const start = supervisionStart(campaign);
  const supervision =
    asOf < start
      ? `实地督导将于${monthDay(start)}起对届时进展缓慢的县（市、区）开展。`
      : owed.length > 0
        ? `${monthDay(start)}列为进展缓慢的${countiesWord(owed.length)}中，按期完成实地督导${m4('met')}个，逾期完成${m4('late')}个，尚未督导${m4('overdue') + m4('pending')}个。`
        : `${monthDay(start)}没有列为进展缓慢、需要实地督导的县（市、区）。`;
  const noStation = gate('m3_stations', 'n/a');
  // 按时报送 has one meaning (DOMAIN "Timeliness"), counted by the metrics; late_report's grace is a lagging rule only.
  const t = timelinessCounts(counties, campaign, asOf);
  const reports =
    t.period === null
      ? '月度进展情况尚未到首次报送期限。'
      : `${t.onTime}个县（市、区）按时报送${periodText(t.period)}月度进展情况，逾期报送${t.late}个，尚未报送${t.missing}个。`;
  return paragraph(
    `从关键节点看，${gate('m1_plan_issued', 'met')}个县（市、区）按期印发县级实施方案，${gate('m2_coordinators', 'met')}个按期实现村级协理员全覆盖，` +
      `${gate('m3_stations', 'met')}个按期建成服务站（点）${noStation ? `（另有${noStation}个没有符合建站条件的村，不作要求）` : ''}。${reports}${supervision}`,
  );
}

/** 一、基本情况 for a city. */
export function cityBasics(view: ScopeView): Block[] {
  const city = view.snapshot.status.cities.find((c) => c.code === view.code)!;
  const cities = view.snapshot.status.cities.length;
  const watch = count(view.counties, (c) => c.watch);
  const score = city.score === null ? '尚无综合得分' : `综合得分${scoreText(city.score)}分，在全省${cities}个市中排名${rankText(city.provinceRank, '位')}`;
  return [
    paragraph(`${view.name}共辖${countiesWord(view.counties.length)}。`),
    coverageParagraph(view),
    paragraph(`按照行动方案确定的评估办法，${view.word}${score}；进展缓慢的县（市、区）${city.laggingCount}个，列入关注名单的${watch}个。`),
    gatesParagraph(view),
  ];
}

/** 一、基本情况 for the province, with the cities ranked. */
export function provinceBasics(view: ScopeView): Block[] {
  const { status } = view.snapshot;
  const ranked = [...status.cities].sort((a, b) => a.rank - b.rank).map((c) => `${c.name}${c.score === null ? '（未评分）' : `${scoreText(c.score)}分`}`);
  const m5 = (s: GateStatus) => count(status.cities, (c) => c.gates.m5_city_summary === s);
  const score = status.province.score === null ? '尚无综合得分' : `各县（市、区）综合得分平均${scoreText(status.province.score)}分`;
  return [
    paragraph(`${view.name}共辖${status.cities.length}个市、${countiesWord(view.counties.length)}。`),
    coverageParagraph(view),
    paragraph(`按照行动方案确定的评估办法，${view.word}${score}，进展缓慢的县（市、区）${status.province.laggingCount}个。各市综合得分由高到低依次为：${ranked.join('、')}。`),
    gatesParagraph(view),
    paragraph(`市级行动总结已按期报送${m5('met')}个市，逾期报送${m5('late')}个，尚未报送${m5('pending') + m5('overdue')}个。`),
  ];
}
