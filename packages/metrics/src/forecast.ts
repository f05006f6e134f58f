import {
  addDays,
  beijingDate,
  daysBetween,
  periodEnd,
  type CampaignDef,
  type IndicatorDef,
} from '@dudao/schema/campaign';
import type { CountyInput, GateStatus, IndicatorResult, KnownReport, KnownRoster } from './types';
import { countyIndicators } from './county-indicators';
import { countyGateDefs } from './schedule';
import { monthDay, percentText } from './format';

export type ForecastState = 'on_track' | 'at_risk' | 'will_miss';
/** 依据充分: three points or more; 依据不足: two (a pace but no interval); 无法推算: fewer. */
export type ForecastConfidence = '依据充分' | '依据不足' | '无法推算';

/** Everything a county reported and uploaded that is known at the end of asOf, oldest first. */
export interface CountyHistory {
  /** Per period, its newest submission known at asOf. */
  reports: KnownReport[];
  /** Every roster upload known at asOf. */
  rosters: KnownRoster[];
}

export interface HistoryPoint {
  on: string;
  value: number;
}

export interface IndicatorForecast {
  indicator: string;
  deadline: string;
  /** The share (ratio) or minimum (threshold) that must stand at the deadline. */
  target: number;
  current: number | null;
  currentOn: string | null;
  /** Expected value at the deadline at the current pace; never past the whole. */
  expected: number | null;
  /** The expected value at the slow and fast ends of the pace (three points or more). */
  low: number | null;
  high: number | null;
  /** The day the target is reached at the current pace (the latest point's day when reached already); null: never. */
  reachOn: string | null;
  state: ForecastState;
  points: number;
  confidence: ForecastConfidence;
  /** How it was computed, in one line a clerk understands. */
  method: string;
}

export interface GateForecast extends IndicatorForecast {
  gate: string;
}

export interface CountyForecast {
  code: string;
  asOf: string;
  gates: GateForecast[];
  indicators: IndicatorForecast[];
  /** The worst state over its gates and indicators; null when nothing has a future deadline. */
  state: ForecastState | null;
}

/** How many latest points the pace is taken over (three intervals: about the last three months). */
export const FORECAST_WINDOW = 4;
const EPSILON = 1e-9;

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Linear interpolation between order statistics (type 7). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('空序列没有分位数');
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Every pairwise slope (per day) of the points: the Theil–Sen estimate is their median. */
export function pairwiseSlopes(points: HistoryPoint[]): number[] {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const days = daysBetween(points[i]!.on, points[j]!.on);
      if (days > 0) slopes.push((points[j]!.value - points[i]!.value) / days);
    }
  return slopes;
}

// Figures are cumulative: a falling stretch (a corrected roster) is read as no progress, never as a decline to come.
const project = (last: HistoryPoint, slope: number, deadline: string, cap: number) =>
  Math.min(last.value + Math.max(slope, 0) * daysBetween(last.on, deadline), Math.max(cap, last.value));

function paceText(slope: number, ratio: boolean): string {
  const perMonth = Math.max(slope, 0) * 30;
  return ratio ? `每月约增 ${(perMonth * 100).toFixed(1)} 个百分点` : `每月约增 ${perMonth.toFixed(1)}`;
}

/** The forecast of one series against a target by its deadline; `ratio` caps it at the whole (100 %); a `step` (yes/no) has no pace. */
export function forecastSeries(
  indicator: string,
  series: HistoryPoint[],
  target: number,
  deadline: string,
  ratio: boolean,
  step = false,
): IndicatorForecast {
  const points = series.slice(-FORECAST_WINDOW);
  const last = points.at(-1) ?? null;
  const base = { indicator, deadline, target, current: last?.value ?? null, currentOn: last?.on ?? null };
  const cap = ratio ? 1 : target;
  if (last && last.value >= target - EPSILON) {
    return {
      ...base,
      expected: Math.min(last.value, Math.max(cap, last.value)),
      low: null,
      high: null,
      reachOn: last.on,
      state: 'on_track',
      points: points.length,
      confidence: points.length >= 3 ? '依据充分' : points.length === 2 ? '依据不足' : '无法推算',
      method: `${monthDay(last.on)} 已达到目标`,
    };
  }
  const slopes = step ? [] : pairwiseSlopes(points);
  if (!last || slopes.length === 0) {
    return {
      ...base,
      expected: last?.value ?? null,
      low: null,
      high: null,
      reachOn: null,
      state: 'at_risk',
      points: points.length,
      confidence: '无法推算',
      method: !last
        ? '尚无数据，无法推算进度'
        : step
          ? `截至 ${monthDay(last.on)} 尚未完成（是否类事项，无法按进度推算）`
          : `只有 ${monthDay(last.on)} 一次数据，无法推算进度`,
    };
  }
  const slope = median(slopes);
  const expected = project(last, slope, deadline, cap);
  const sure = points.length >= 3;
  const low = sure ? project(last, quantile(slopes, 0.25), deadline, cap) : null;
  const high = sure ? project(last, quantile(slopes, 0.75), deadline, cap) : null;
  const reaches = (v: number) => v >= target - EPSILON;
  const state: ForecastState = reaches(low ?? expected)
    ? 'on_track'
    : reaches(high ?? expected)
      ? 'at_risk'
      : 'will_miss';
  const reachOn = slope > 0 ? addDays(last.on, Math.ceil((target - last.value) / slope - EPSILON)) : null;
  const from = monthDay(points[0]!.on);
  return {
    ...base,
    expected,
    low,
    high,
    reachOn,
    state,
    points: points.length,
    confidence: sure ? '依据充分' : '依据不足',
    method: `按近 ${points.length} 次数据（${from}—${monthDay(last.on)}）的中位增速推算（${paceText(slope, ratio)}）${
      ratio ? `，最高按 ${percentText(1)} 计` : ''
    }`,
  };
}

interface JudgedPoint {
  on: string;
  source: 'report' | 'roster';
  results: Record<string, IndicatorResult>;
}

/** Every indicator at each known report (judged on its period's end) and roster upload (judged on its day), once. */
export function judgeHistory(county: CountyInput, history: CountyHistory, campaign: CampaignDef): JudgedPoint[] {
  const empty = { ...county, report: null, roster: null, caseLog: null, firstSubmissions: {} };
  return [
    ...history.rosters.map((roster) => {
      const on = beijingDate(roster.uploadedAt);
      return { on, source: 'roster' as const, results: countyIndicators({ ...empty, roster }, campaign, on) };
    }),
    ...history.reports.map((report) => {
      const on = periodEnd(report.period);
      return { on, source: 'report' as const, results: countyIndicators({ ...empty, report }, campaign, on) };
    }),
  ];
}

/** One indicator's series from the judged history; of two points on one day, the later one known wins. */
export function indicatorSeries(def: IndicatorDef, judged: JudgedPoint[]): HistoryPoint[] {
  const byDay = new Map<string, number>();
  for (const { on, source, results } of judged) {
    const value = results[def.code]?.value;
    if (source === def.source && typeof value === 'number') byDay.set(on, value);
  }
  return [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([on, value]) => ({ on, value }));
}

function targetOf(def: IndicatorDef, asOf: string): { target: number; deadline: string; ratio: boolean } | null {
  const t = def.shownOnly ? undefined : def.target;
  if (t?.kind === 'ratio' && t.deadline !== null && t.deadline > asOf)
    return { target: t.share, deadline: t.deadline, ratio: true };
  if (t?.kind === 'threshold' && t.deadline > asOf) return { target: t.min, deadline: t.deadline, ratio: false };
  return null;
}

const STATE_ORDER: ForecastState[] = ['on_track', 'at_risk', 'will_miss'];
export const worstState = (states: ForecastState[]): ForecastState | null =>
  states.reduce<ForecastState | null>(
    (w, s) => (w === null || STATE_ORDER.indexOf(s) > STATE_ORDER.indexOf(w) ? s : w),
    null,
  );

/**
 * Every gate with a future deadline and every targeted indicator with one, for one county at the end of asOf, from
 * its own history known then. A roster gate is forecast on the coverage it shows; a gate already met stays on track.
 */
export function forecastCounty(
  county: CountyInput,
  history: CountyHistory,
  gates: Record<string, GateStatus>,
  campaign: CampaignDef,
  asOf: string,
): CountyForecast {
  const judged = judgeHistory(county, history, campaign);
  const indicators: IndicatorForecast[] = [];
  const byCode = new Map<string, IndicatorForecast>();
  for (const def of campaign.indicators) {
    const target = targetOf(def, asOf);
    if (!target) continue;
    const series = indicatorSeries(def, judged);
    const forecast = forecastSeries(
      def.code,
      series,
      target.target,
      target.deadline,
      target.ratio,
      def.kind === 'bool',
    );
    indicators.push(forecast);
    byCode.set(def.code, forecast);
  }
  const gateForecasts: GateForecast[] = [];
  for (const gate of countyGateDefs(campaign)) {
    if (gate.kind !== 'roster_condition' || gate.deadline <= asOf || gates[gate.code] === 'n/a') continue;
    const def = campaign.indicators.find((i) => i.code === gate.showsIndicator);
    if (!def) continue;
    const shown =
      byCode.get(def.code) ?? forecastSeries(def.code, indicatorSeries(def, judged), 1, gate.deadline, true);
    // The gate asks for every village, whatever share the indicator's score asks for.
    const forecast =
      shown.target === 1 && shown.deadline === gate.deadline
        ? shown
        : forecastSeries(def.code, indicatorSeries(def, judged), 1, gate.deadline, true);
    gateForecasts.push({ gate: gate.code, ...forecast, ...(gates[gate.code] === 'met' ? { state: 'on_track' } : {}) });
  }
  return {
    code: county.code,
    asOf,
    gates: gateForecasts,
    indicators,
    state: worstState([...gateForecasts, ...indicators].map((f) => f.state)),
  };
}

export const FORECAST_STATE_WORDS: Record<ForecastState, string> = {
  on_track: '可按期完成',
  at_risk: '有逾期风险',
  will_miss: '预计逾期',
};

/** 按当前进度：10月31日预计 38.3%（区间 35.0%—41.7%），约 2022年1月3日 达到 · 预计逾期 — one line under a gate. */
export function forecastLine(f: IndicatorForecast, ratio = true): string {
  const shown = (v: number) => (ratio ? percentText(v) : String(Math.round(v * 10) / 10));
  const word = FORECAST_STATE_WORDS[f.state];
  if (f.expected === null) return `按当前进度：尚无数据，无法推算 · ${word}`;
  const range =
    f.low !== null && f.high !== null && f.low !== f.high ? `（区间 ${shown(f.low)}—${shown(f.high)}）` : '';
  const reach =
    f.reachOn === null
      ? '按此进度达不到目标'
      : f.reachOn <= f.deadline
        ? `约 ${monthDay(f.reachOn)} 达到目标`
        : `约 ${f.reachOn} 才能达到目标`;
  return `按当前进度：${monthDay(f.deadline)}预计 ${shown(f.expected)}${range}，${reach} · ${word}${
    f.confidence === '依据不足' ? '（依据不足）' : ''
  }`;
}
