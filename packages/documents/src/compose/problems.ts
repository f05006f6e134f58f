import { countyGateDefs, gateOfKind, periodText, type CountyStatus, type IndicatorResult } from '@dudao/metrics';
import { fillText, type IndicatorDef } from '@dudao/schema/campaign';
import { paragraph, type Block } from '../content';
import { chineseNumber, monthDay, percentText, scoreText } from './format';
import { displayName, shortValue } from './phrases';
import { laggingWordOf, whoText } from './prose';
import { joinNames, type ScopeView } from './view';

const NAMED_AT_MOST = 5;

/** '超过20个工作日办结件数' → subject '超过20个工作日办结', unit '件'. */
function upperCount(def: IndicatorDef): { subject: string; unit: string } | null {
  if (def.target?.kind !== 'upper' || def.kind !== 'count') return null;
  return {
    subject: def.name.replace(/件数$|人数$|数$/, ''),
    unit: def.unit ?? (def.name.endsWith('人数') ? '人' : '件'),
  };
}

/** The counties short of one indicator by the metrics' judgement (red with a value: a missing report is a reporting matter). */
function shortOf(view: ScopeView, def: IndicatorDef): CountyStatus[] {
  const red = (r: IndicatorResult | undefined) => r?.status === 'red' && (r.value !== null || r.date != null);
  return view.counties.filter((c) => red(c.indicators[def.code]));
}

/** One indicator's shortfall: the counties with their figure where few, their count where many (the figure is in the annex). */
function shortfallClause(view: ScopeView, def: IndicatorDef, short: CountyStatus[]): string {
  const { campaign } = view.snapshot;
  const few = view.level === 'city' && short.length <= NAMED_AT_MOST;
  const upper = upperCount(def);
  const valued = (unit = '') =>
    joinNames(short.map((c) => `${view.label(c)}${shortValue(campaign, def, c.indicators[def.code])}${unit}`));
  if (upper) return `${upper.subject}的${few ? `有${valued(upper.unit)}` : `有${whoText(view, short)}`}`;
  const shortfall = campaign.documents.figures[def.code]?.shortfall;
  if (def.kind === 'bool' || (def.target?.kind === 'threshold' && shortfall))
    return `${shortfall ?? `${def.name}未落实`}的有${whoText(view, short)}`;
  if (def.target?.kind === 'upper')
    return `${displayName(campaign, def)}超过${def.target.max}${def.unit ?? ''}的有${few ? valued(def.unit ?? '') : whoText(view, short)}`;
  const target = def.target?.kind === 'ratio' ? `未达到${percentText(def.target.share)}` : '未达到目标要求';
  return `${displayName(campaign, def)}${target}的有${few ? valued() : whoText(view, short)}`;
}

/** A yes/no or at-least shortfall in the definition's words ('尚未建立…'). */
const shortfallWords = (view: ScopeView, def: IndicatorDef) =>
  view.snapshot.campaign.documents.figures[def.code]?.shortfall ?? `${def.name}未落实`;

/** A city's county short of several yes/no duties in one clause: '某区尚未建立A、出台B和签约C'. */
function dutiesClause(view: ScopeView, county: CountyStatus, defs: IndicatorDef[]): string {
  const words = defs.map((d) => shortfallWords(view, d));
  const all = words.every((w) => w.startsWith('尚未'));
  return `${view.label(county)}${all ? `尚未${joinNames(words.map((w) => w.slice(2)))}` : joinNames(words)}`;
}

/** One group's shortfalls, each figure once: an indicator some county is clearly short of, a city's county by its duties. */
function shortfallClauses(view: ScopeView, defs: IndicatorDef[]): string[] {
  const { campaign } = view.snapshot;
  const parts: string[] = [];
  const duties = new Map<string, IndicatorDef[]>();
  for (const def of defs) {
    if (!def.target || def.shownOnly || def.kind === 'date') continue;
    const short = shortOf(view, def);
    if (short.length === 0) continue;
    const yesNo =
      def.kind === 'bool' || (def.target.kind === 'threshold' && campaign.documents.figures[def.code]?.shortfall);
    // A city names its counties' unmet duties county by county; the province counts them by duty.
    if (yesNo && view.level === 'city' && short.length <= NAMED_AT_MOST)
      for (const c of short) duties.set(c.code, [...(duties.get(c.code) ?? []), def]);
    else parts.push(shortfallClause(view, def, short));
  }
  for (const county of view.counties) {
    const owed = duties.get(county.code);
    if (owed) parts.push(dutiesClause(view, county, owed));
  }
  return parts;
}

/**
 * (一) targets: the county gates past due, then the indicators short of target, a sentence per group of tasks where the
 * campaign groups them by cause ('兜底保障方面，…。'), so a reader meets related shortfalls together.
 */
function targetsText(view: ScopeView): string | null {
  const { campaign } = view.snapshot;
  const sentences: string[] = [];
  const gates = countyGateDefs(campaign)
    .filter((g) => g.kind === 'date_by')
    .flatMap((gate) => {
      const overdue = view.counties.filter((c) => c.gates[gate.code] === 'overdue');
      return overdue.length > 0 ? [`${gate.name}逾期未完成的有${whoText(view, overdue)}`] : [];
    });
  if (gates.length > 0) sentences.push(`${gates.join('；')}。`);
  const groups = campaign.documents.problems.targetGroups ?? [];
  const grouped = new Set(groups.flatMap((g) => g.tasks));
  for (const group of groups) {
    const parts = shortfallClauses(
      view,
      campaign.indicators.filter((d) => group.tasks.includes(d.task)),
    );
    if (parts.length > 0) sentences.push(`${group.lead}，${parts.join('；')}。`);
  }
  const rest = shortfallClauses(
    view,
    campaign.indicators.filter((d) => !grouped.has(d.task)),
  );
  if (rest.length > 0)
    sentences.push(`${groups.length > 0 && sentences.length > 0 ? '此外，' : ''}${rest.join('；')}。`);
  return sentences.length ? sentences.join('') : null;
}

/** (二) reporting: reports late or missing, supervision not done, rectification past due, dispatch orders still open. */
function reportingText(view: ScopeView): string | null {
  const { campaign, asOf, supervision, dispatch } = view.snapshot;
  const parts: string[] = [];
  const late = view.counties.filter((c) => c.timeliness === 'late');
  const missing = view.counties.filter((c) => c.timeliness === 'missing');
  const period = late[0]?.reasons.find((r) => r.code === 'late_report')?.figures.period ?? null;
  const latest = view.counties.flatMap((c) => c.reasons).find((r) => r.code === 'late_report')?.figures.period;
  const what =
    typeof (period ?? latest) === 'string'
      ? `${periodText(String(period ?? latest))}${campaign.reportName}`
      : campaign.reportName;
  if (late.length > 0) parts.push(`${what}逾期报送的有${whoText(view, late)}`);
  if (missing.length > 0) parts.push(`截至${monthDay(asOf)}尚未报送${what}的有${whoText(view, missing)}`);
  const gate = gateOfKind(campaign, 'supervision_of_lagging');
  const unvisited = gate ? view.counties.filter((c) => c.gates[gate.code] === 'overdue') : [];
  if (gate && unvisited.length > 0)
    parts.push(
      `${monthDay(gate.laggingOn)}列为${laggingWordOf(campaign)}的${whoText(view, unvisited)}至今尚未开展实地督导`,
    );
  const overdue = view.counties.filter((c) => (supervision.get(c.code)?.overdue ?? 0) > 0);
  const overdueItems = overdue.reduce((s, c) => s + supervision.get(c.code)!.overdue, 0);
  if (overdueItems > 0) parts.push(`督导发现的整改事项中逾期未整改${overdueItems}项，涉及${whoText(view, overdue)}`);
  const open = view.counties.filter((c) => (dispatch.find((d) => d.countyCode === c.code)?.open ?? 0) > 0);
  const openOrders = open.reduce((s, c) => s + dispatch.find((d) => d.countyCode === c.code)!.open, 0);
  if (openOrders > 0) parts.push(`督办单尚未办结${openOrders}件，涉及${whoText(view, open)}`);
  return parts.length ? `${parts.join('；')}。` : null;
}

/** (三) balance: the lowest-scoring counties (a city's three lowest by name), those below the line, those short on many indicators. */
function balanceText(view: ScopeView): string | null {
  const { campaign } = view.snapshot;
  const { name } = campaign.documents.assessment;
  const { lowScore, manyRed } = campaign.thresholds;
  const parts: string[] = [];
  const low = view.counties.filter((c) => c.score !== null && c.score < lowScore);
  const watch =
    view.level === 'city' ? view.counties.filter((c) => c.watch).sort((a, b) => (a.score ?? 0) - (b.score ?? 0)) : [];
  if (watch.length > 0) {
    const lowInWatch = low.every((c) => watch.includes(c));
    const below =
      !lowInWatch || low.length === 0
        ? ''
        : low.length === watch.length
          ? `，均低于${lowScore}分`
          : `，其中${joinNames(low.map((c) => view.label(c)))}低于${lowScore}分`;
    parts.push(`${name}得分较低的是${joinNames(watch.map((c) => `${view.label(c)}${scoreText(c.score)}分`))}${below}`);
    if (!lowInWatch) parts.push(`${name}得分低于${lowScore}分的有${whoText(view, low)}`);
  } else if (low.length > 0) parts.push(`${name}得分低于${lowScore}分的有${whoText(view, low)}`);
  const many = view.counties.filter((c) => c.reasons.some((r) => r.code === 'many_red'));
  if (many.length > 0) {
    const few = view.level === 'city' && many.length <= NAMED_AT_MOST;
    parts.push(
      few
        ? many.length === 1
          ? `${view.label(many[0]!)}有${many[0]!.redCount}项指标未达到序时进度要求`
          : `${joinNames(many.map((c) => view.label(c)))}分别有${joinNames(many.map((c) => `${c.redCount}项`))}指标未达到序时进度要求`
        : `${manyRed}项以上指标未达到序时进度要求的有${whoText(view, many)}`,
    );
  }
  return parts.length ? `${parts.join('；')}。` : null;
}

/** 存在的问题: at most three points grouped by cause, each written only when it has something to say. */
export function problemBlocks(view: ScopeView): Block[] {
  const texts = view.snapshot.campaign.documents.problems;
  const words = (t: string) => fillText(t, { scope: view.word });
  const points = (
    [
      [texts.targets, targetsText(view)],
      [texts.reporting, reportingText(view)],
      [texts.balance, balanceText(view)],
    ] as const
  ).filter((p): p is readonly [string, string] => p[1] !== null);
  if (points.length === 0) return [paragraph(words(texts.none))];
  return [
    paragraph(words(texts.lead)),
    ...points.map(([title, text], i) => paragraph(text, { level: 2, text: `（${chineseNumber(i + 1)}）${title}。` })),
  ];
}
