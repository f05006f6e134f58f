import {
  cityGateDefs,
  countyGateDefs,
  gateOfKind,
  gateTally,
  periodText,
  scopeCounts,
  timelinessCounts,
  type GateTally,
} from '@dudao/metrics';
import { cadenceWord, fillText } from '@dudao/schema/campaign';
import { paragraph, type Block } from '../content';
import { monthDay, scoreText } from './format';
import { clauses, laggingWordOf } from './prose';
import { countiesWord, type ScopeView } from './view';

/**
 * A gate over the units it applies to, without zero counts: '均按期完成…' when all did; otherwise what was done, the
 * units still short being named once, under 存在的问题.
 */
function gateClause(name: string, t: GateTally, all: number, unit = '县（市、区）'): string | null {
  if (t.applies === 0 || t.onTime + t.late === 0) return null;
  const who = t.applies === all ? `各${unit}` : `${t.applies}个${unit}`;
  if (t.onTime === t.applies) return `${who}均按期完成${name}`;
  return `${name}${clauses([t.onTime > 0 && `按期完成${t.onTime}个`, t.late > 0 && `逾期完成${t.late}个`], '、')}`;
}

/** The assessment (the campaign's own 督导评估), and once, in plain words, what makes a county 进展缓慢. */
function assessmentText(view: ScopeView): string {
  const { campaign } = view.snapshot;
  const { assessment } = campaign.documents;
  const counts = scopeCounts(view.counties, campaign.thresholds.lowScore);
  const score =
    view.level === 'city'
      ? view.snapshot.status.cities.find((c) => c.code === view.code)!.score
      : view.snapshot.status.province.score;
  const explain = fillText(assessment.lagging, {
    score: String(campaign.thresholds.lowScore),
    red: String(campaign.thresholds.manyRed),
  });
  const head =
    score === null
      ? `${view.word}尚未开展${assessment.name}。`
      : `${view.word}各县（市、区）${assessment.name}平均得分${scoreText(score)}分${counts.fullScore > 0 ? `，其中${counts.fullScore}个达到满分` : ''}。`;
  const lagging =
    counts.lagging > 0
      ? `目前${view.word}${laggingWordOf(campaign)}的县（市、区）${counts.lagging}个。`
      : `目前${view.word}没有${laggingWordOf(campaign)}的县（市、区）。`;
  return `${head}按照${assessment.name}办法，${explain}；${lagging}`;
}

/** The county gates (supervision apart: the city's duty) and the latest periodic report, without zero counts. */
function progressParagraph(view: ScopeView): Block | null {
  const { campaign, asOf } = view.snapshot;
  const n = view.counties.length;
  const gates = countyGateDefs(campaign)
    .filter((g) => g.kind !== 'supervision_of_lagging')
    .map((g) => gateClause(g.name, gateTally(view.counties.map((c) => c.gates[g.code] ?? 'n/a')), n));
  const t = timelinessCounts(view.counties, campaign, asOf);
  let reports: string | null = null;
  if (t.period !== null) {
    const what = `${periodText(t.period)}${periodText(t.period).endsWith('季度') ? '' : cadenceWord(campaign.periods)}进展情况`;
    // Who reported late or not at all is named once, under 存在的问题.
    reports =
      t.late + t.missing === 0
        ? `各县（市、区）均按时报送${what}`
        : t.onTime > 0
          ? `${t.onTime}个县（市、区）按时报送${what}`
          : null;
  }
  const text = clauses([...gates, reports], '；');
  return text ? paragraph(`从关键节点看，${text}。`) : null;
}

/** Supervision owed to the counties lagging on the gate's day, what it found, and the dispatch orders issued. */
function supervisionParagraph(view: ScopeView): Block | null {
  const { campaign, asOf, supervision, dispatch } = view.snapshot;
  const parts: string[] = [];
  const gate = gateOfKind(campaign, 'supervision_of_lagging');
  if (gate && asOf >= gate.laggingOn) {
    const t = gateTally(view.counties.map((c) => c.gates[gate.code] ?? 'n/a'));
    const day = monthDay(gate.laggingOn);
    const word = laggingWordOf(campaign);
    if (t.applies === 0) parts.push(`${day}没有列为${word}、需要实地督导的县（市、区）`);
    else if (t.onTime === t.applies) parts.push(`${day}列为${word}的${countiesWord(t.applies)}均已按期完成实地督导`);
    // None done yet: 存在的问题 says so, naming them; 基本情况 does not say it twice.
    else if (t.onTime + t.late > 0) {
      const left = t.applies - t.onTime - t.late;
      const done = clauses(
        [
          t.onTime > 0 && `按期完成实地督导${t.onTime}个`,
          t.late > 0 && `逾期完成${t.onTime > 0 ? '' : '实地督导'}${t.late}个`,
        ],
        '、',
      );
      parts.push(`${day}列为${word}的${countiesWord(t.applies)}中，${done}${left > 0 ? `，尚有${left}个未完成` : ''}`);
    }
  }
  const codes = new Set(view.counties.map((c) => c.code));
  const found = [...supervision].filter(([code]) => codes.has(code)).map(([, s]) => s);
  const items = found.reduce((s, v) => s + v.items, 0);
  const closed = found.reduce((s, v) => s + v.closed, 0);
  if (items > 0)
    parts.push(
      items === closed
        ? `督导发现的${items}项整改事项已全部整改销号`
        : closed > 0
          ? `督导发现整改事项${items}项，已整改销号${closed}项`
          : `督导发现整改事项${items}项，尚未整改销号`,
    );
  const mine = dispatch.filter((d) => codes.has(d.countyCode));
  const issued = mine.reduce((s, d) => s + d.issued, 0);
  const open = mine.reduce((s, d) => s + d.open, 0);
  const urged = mine.reduce((s, d) => s + d.urged, 0);
  if (issued > 0)
    parts.push(
      open === 0
        ? `下发督办单${issued}件，均已办结`
        : open === issued
          ? `下发督办单${issued}件，${issued === 1 ? '尚未办结' : '均未办结'}`
          : `下发督办单${issued}件，已办结${issued - open}件`,
    );
  if (urged > 0) parts.push(`对报送滞后和督办事项催报催办${urged}次`);
  return parts.length ? paragraph(`${parts.join('；')}。`) : null;
}

/** 一、基本情况 for a city: its counties, the assessment (never its own provincial rank), progress, supervision. */
export function cityBasics(view: ScopeView): Block[] {
  return [
    paragraph(`${view.name}共辖${countiesWord(view.counties.length)}。${assessmentText(view)}`),
    progressParagraph(view),
    supervisionParagraph(view),
  ].filter((b): b is Block => b !== null);
}

/** 一、基本情况 for the province: the same over all counties, the cities' spread, and the cities' summaries. */
export function provinceBasics(view: ScopeView): Block[] {
  const { status, campaign } = view.snapshot;
  const scored = status.cities.filter((c) => c.score !== null).map((c) => c.score!);
  const spread =
    scored.length > 1
      ? `各市${campaign.documents.assessment.name}平均得分在${scoreText(Math.min(...scored))}分至${scoreText(Math.max(...scored))}分之间（各市得分和排名见附件1）。`
      : '';
  const summary = cityGateDefs(campaign).find((g) => g.kind === 'summary_submitted');
  const t = summary ? gateTally(status.cities.map((c) => c.gates[summary.code] ?? 'n/a')) : null;
  const submitted =
    t && t.onTime + t.late > 0
      ? t.onTime === status.cities.length
        ? '各市均按期报送市级行动总结'
        : `${t.onTime + t.late}个市已报送市级行动总结${t.late > 0 ? `（其中逾期${t.late}个）` : ''}`
      : null;
  return [
    paragraph(
      `${view.name}共辖${status.cities.length}个市、${countiesWord(view.counties.length)}。${assessmentText(view)}${spread}`,
    ),
    progressParagraph(view),
    supervisionParagraph(view),
    ...(submitted ? [paragraph(`${submitted}。`)] : []),
  ].filter((b): b is Block => b !== null);
}
