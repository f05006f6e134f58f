import { endOfBeijingDay, type CampaignDef, type IndicatorDef } from '@dudao/schema/campaign';
import type { CountyInput, KnownRoster, Reason, RosterVillage, StatusInput } from './types';
import { computeStatus, countyStatus } from './status';
import { countyIndicators } from './county-indicators';
import { isEligible, expectedStations } from './roster';
import { latestDuePeriod } from './schedule';
import { percentText, periodText, rankText, scoreText } from './format';

export type FixKind = 'report' | 'plan_date' | 'coordinators' | 'stations' | 'civil_affairs' | 'indicator';

/** One concrete fix, applied to what is known of the county at the end of asOf. */
export interface Fix {
  kind: FixKind;
  /** The indicator brought to its expected value, the period sent, or the roster column completed. */
  code: string;
  text: string;
  apply: (county: CountyInput) => CountyInput;
}

export interface WhatIfStep {
  kind: FixKind;
  code: string;
  text: string;
  scoreBefore: number | null;
  scoreAfter: number | null;
  cityRankBefore: string;
  cityRankAfter: string;
  laggingAfter: boolean;
  /** One line: 补齐3个村协理员：得分 78.4 → 84.1，全市排名 9 → 6，脱离进展缓慢. */
  line: string;
}

export interface WhatIf {
  code: string;
  asOf: string;
  lagging: boolean;
  /** The smallest set of fixes that takes it off the lagging list, best score first; empty when none does. */
  steps: WhatIfStep[];
  /** Whether the steps take it off the list (false: no set of fixes does). */
  resolves: boolean;
  /** The reasons no fix can remove at asOf (a report already late beyond the grace days). */
  unfixable: Reason[];
  method: string;
}

// An exact search over subsets costs this many county judgements at most; beyond it the greedy answer stands.
const EXACT_BUDGET = 4000;
export const WHAT_IF_METHOD = '把所列整改逐项代入现行评分和认定规则重新计算得出（不改变其他县区的数据）';

function rosterFix(
  county: CountyInput,
  kind: 'coordinators' | 'stations' | 'civil_affairs',
  campaign: CampaignDef,
): Fix | null {
  const roster = county.roster;
  if (!roster) return null;
  const t = campaign.thresholds;
  const lacks = (v: RosterVillage) =>
    kind === 'coordinators'
      ? v.coordinators < 1
      : kind === 'civil_affairs'
        ? !v.civilAffairsMember
        : isEligible(v, t) && v.stations < expectedStations(v, t);
  const short = roster.villages.filter(lacks);
  // Coverage of all villages counts against the org tree: villages missing from the roster are short too.
  const unlisted = kind === 'stations' ? 0 : Math.max(county.villages - roster.villages.length, 0);
  const n =
    kind === 'stations' ? short.reduce((s, v) => s + expectedStations(v, t) - v.stations, 0) : short.length + unlisted;
  if (n === 0) return null;
  const fixed = (v: RosterVillage): RosterVillage =>
    !lacks(v)
      ? v
      : kind === 'coordinators'
        ? { ...v, coordinators: 1 }
        : kind === 'civil_affairs'
          ? { ...v, civilAffairsMember: true }
          : { ...v, stations: expectedStations(v, t) };
  const extra = Array.from({ length: unlisted }, (_, i) => ({
    villageCode: `unlisted-${i}`,
    villageName: '台账未列村',
    longTermRecipients: 0,
    civilAffairsMember: kind === 'civil_affairs',
    coordinators: kind === 'coordinators' ? 1 : 0,
    coordinatorsFullTime: 0,
    coordinatorPay: null,
    stations: 0,
  }));
  const text =
    kind === 'coordinators'
      ? `补齐${n}个村协理员`
      : kind === 'civil_affairs'
        ? `明确${n}个村民政工作负责人`
        : `建成${n}个服务站（点）`;
  return {
    kind,
    code: kind,
    text,
    apply: (c) => {
      const r = c.roster ?? roster;
      const next: KnownRoster = { ...r, villages: [...r.villages.map(fixed), ...extra] };
      return { ...c, roster: next };
    },
  };
}

// Sent at the last minute of asOf: the earliest a fix decided that day can land.
const sentAt = (asOf: string) => new Date(Date.parse(endOfBeijingDay(asOf)) - 60_000).toISOString();

function reportFix(county: CountyInput, campaign: CampaignDef, asOf: string): Fix | null {
  const period = latestDuePeriod(campaign, asOf);
  if (period === null || county.firstSubmissions[period] !== undefined || county.report?.period === period) return null;
  const sent = (c: CountyInput, values: Record<string, string | null>): CountyInput => ({
    ...c,
    report: { period, submittedAt: sentAt(asOf), values },
    firstSubmissions: { ...c.firstSubmissions, [period]: sentAt(asOf) },
  });
  if (county.report)
    return {
      kind: 'report',
      code: period,
      text: `补报${periodText(period)}${campaign.reportName}`,
      // Sent with the figures last reported: the fix is the report itself, not better figures.
      apply: (c) => sent(c, { ...(c.report?.values ?? {}) }),
    };
  // A county that never reported has no figures to resend: the fix is a first report whose figures reach what is
  // expected of them that day, which prices it (a share's whole is unknown, so a nominal one stands in: the
  // judgement reads only the share).
  return {
    kind: 'report',
    code: period,
    text: `补报${periodText(period)}${campaign.reportName}（各项指标达到序时进度要求）`,
    apply: (c) => {
      const wholes: Record<string, string> = {};
      for (const def of campaign.indicators) {
        const whole = def.target?.kind === 'ratio' ? def.target.denominator : null;
        if (whole && 'indicator' in whole) wholes[whole.indicator] = String(NOMINAL_WHOLE);
        // A share is judged only once its part is there: a zero stands in until its expected value is known.
        if (def.source === 'report' && def.target?.kind === 'ratio') wholes[def.code] = '0';
      }
      const gate = campaign.gates.find((g) => g.kind === 'date_by');
      if (gate?.kind === 'date_by') wholes[gate.indicator] = asOf;
      let next = sent(c, wholes);
      const values = { ...wholes };
      for (const def of campaign.indicators) {
        if (def.source !== 'report' || !def.target || (values[def.code] !== undefined && values[def.code] !== '0'))
          continue;
        const raw = expectedRaw(def, next, campaign, asOf);
        if (raw !== null) values[def.code] = raw;
      }
      next = sent(c, values);
      return next;
    },
  };
}

const NOMINAL_WHOLE = 100;

/** The raw value that brings one report indicator to the value it is expected to have on its day. */
function expectedRaw(def: IndicatorDef, county: CountyInput, campaign: CampaignDef, asOf: string): string | null {
  const result = countyIndicators(county, campaign, asOf)[def.code];
  const target = def.target;
  if (!result || !target) return null;
  if (target.kind === 'ratio') {
    const whole = result.denominator;
    if (whole === null || whole === undefined || result.expected === null) return null;
    return String(Math.ceil(result.expected * whole - 1e-9));
  }
  if (target.kind === 'threshold') return def.kind === 'bool' ? 'true' : String(target.min);
  if (target.kind === 'upper') return String(target.max);
  return null;
}

function indicatorFixes(county: CountyInput, campaign: CampaignDef, asOf: string): Fix[] {
  const judged = countyIndicators(county, campaign, asOf);
  const fixes: Fix[] = [];
  for (const def of campaign.indicators) {
    const status = judged[def.code]?.status;
    if (def.source !== 'report' || (status !== 'red' && status !== 'missing') || !county.report) continue;
    const label = def.shortName ?? def.name;
    const expected = judged[def.code]?.expected;
    const goal = def.target?.kind === 'ratio' && typeof expected === 'number' ? `（${percentText(expected)}）` : '';
    fixes.push({
      kind: 'indicator',
      code: def.code,
      text: `${label}达到序时进度要求${goal}`,
      apply: (c) => {
        const raw = c.report ? expectedRaw(def, c, campaign, asOf) : null;
        return raw === null || !c.report
          ? c
          : { ...c, report: { ...c.report, values: { ...c.report.values, [def.code]: raw } } };
      },
    });
  }
  return fixes;
}

function planDateFix(county: CountyInput, campaign: CampaignDef, asOf: string): Fix | null {
  const gate = campaign.gates.find((g) => g.kind === 'date_by');
  if (!gate || gate.kind !== 'date_by' || !county.report || county.report.values[gate.indicator]) return null;
  return {
    kind: 'plan_date',
    code: gate.indicator,
    text: `报送${gate.name}日期`,
    apply: (c) =>
      c.report ? { ...c, report: { ...c.report, values: { ...c.report.values, [gate.indicator]: asOf } } } : c,
  };
}

/** Every fix open to the county at asOf, in the order they are applied (a report sent comes before its figures). */
export function candidateFixes(county: CountyInput, campaign: CampaignDef, asOf: string): Fix[] {
  const report = reportFix(county, campaign, asOf);
  const afterReport = report ? report.apply(county) : county;
  const roster = (['coordinators', 'stations', 'civil_affairs'] as const)
    .map((k) => rosterFix(county, k, campaign))
    .filter((f): f is Fix => f !== null);
  const plan = planDateFix(afterReport, campaign, asOf);
  return [
    ...(report ? [report] : []),
    ...(plan ? [plan] : []),
    ...roster,
    ...indicatorFixes(afterReport, campaign, asOf),
  ];
}

const applyAll = (county: CountyInput, fixes: Fix[], order: Fix[]) =>
  order.filter((f) => fixes.includes(f)).reduce((c, f) => f.apply(c), county);

function* combinations<T>(items: T[], k: number, start = 0): Generator<T[]> {
  if (k === 0) return yield [];
  for (let i = start; i <= items.length - k; i++)
    for (const rest of combinations(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** The smallest set that clears the county (best score among equals), exactly while affordable, else greedily. */
function smallestClearing(county: CountyInput, fixes: Fix[], campaign: CampaignDef, asOf: string): Fix[] | null {
  const judge = (set: Fix[]) => countyStatus(applyAll(county, set, fixes), campaign, asOf);
  let spent = 0;
  for (let k = 1; k <= fixes.length; k++) {
    spent += binomial(fixes.length, k);
    if (spent > EXACT_BUDGET) break;
    let best: { set: Fix[]; score: number } | null = null;
    for (const set of combinations(fixes, k)) {
      const s = judge(set);
      if (!s.lagging && (best === null || (s.score ?? -1) > best.score)) best = { set, score: s.score ?? -1 };
    }
    if (best) return best.set;
  }
  // Greedy: each time the fix that leaves the fewest reasons, then the highest score.
  const chosen: Fix[] = [];
  let left = fixes;
  while (left.length > 0) {
    const ranked = left
      .map((f) => ({ f, s: judge([...chosen, f]) }))
      .sort((a, b) => a.s.reasons.length - b.s.reasons.length || (b.s.score ?? -1) - (a.s.score ?? -1));
    const top = ranked[0]!;
    chosen.push(top.f);
    if (!top.s.lagging) return chosen;
    left = left.filter((f) => f !== top.f);
  }
  return null;
}

/**
 * What would take a county off the lagging list at asOf: the smallest set of concrete fixes, each re-judged by
 * computeStatus on the modified inputs (so ranks move as they would), listed by gain.
 */
export function whatIf(input: StatusInput, code: string): WhatIf {
  const { campaign, asOf } = input;
  const index = input.counties.findIndex((c) => c.code === code);
  const county = input.counties[index];
  if (!county) throw new Error(`县区 ${code} 不在输入中`);
  const base = countyStatus(county, campaign, asOf);
  const empty = { code, asOf, steps: [], method: WHAT_IF_METHOD };
  if (!base.lagging) return { ...empty, lagging: false, resolves: true, unfixable: [] };
  const fixes = candidateFixes(county, campaign, asOf);
  const everything = countyStatus(applyAll(county, fixes, fixes), campaign, asOf);
  if (everything.lagging) return { ...empty, lagging: true, resolves: false, unfixable: everything.reasons };
  const set = smallestClearing(county, fixes, campaign, asOf) ?? fixes;
  const board = (c: CountyInput) => {
    const counties = input.counties.map((x, i) => (i === index ? c : x));
    return computeStatus({ ...input, counties }).counties[index]!;
  };
  // Listed by gain: each time the fix of the set that lifts the score most.
  const steps: WhatIfStep[] = [];
  let done: Fix[] = [];
  let before = board(county);
  while (done.length < set.length) {
    const options = set
      .filter((f) => !done.includes(f))
      .map((f) => ({ f, after: board(applyAll(county, [...done, f], fixes)) }))
      .sort((a, b) => (b.after.score ?? -1) - (a.after.score ?? -1));
    const { f, after } = options[0]!;
    const rankBefore = rankText(before.cityRank.rank, before.cityRank.tied);
    const rankAfter = rankText(after.cityRank.rank, after.cityRank.tied);
    steps.push({
      kind: f.kind,
      code: f.code,
      text: f.text,
      scoreBefore: before.score,
      scoreAfter: after.score,
      cityRankBefore: rankBefore,
      cityRankAfter: rankAfter,
      laggingAfter: after.lagging,
      line: `${f.text}：得分 ${scoreText(before.score)} → ${scoreText(after.score)}，全市排名 ${rankBefore} → ${rankAfter}${
        after.lagging ? '' : '，脱离进展缓慢'
      }`,
    });
    done = [...done, f];
    before = after;
  }
  return { ...empty, lagging: true, steps, resolves: true, unfixable: [] };
}
