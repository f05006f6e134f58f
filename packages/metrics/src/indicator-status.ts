import { daysBetween, type CampaignDef, type IndicatorDef, type Target, type Thresholds } from '@dudao/schema/campaign';
import type { IndicatorResult } from './types';
import { isPast } from './schedule';

type RatioTarget = Extract<Target, { kind: 'ratio' }>;
type ThresholdTarget = Extract<Target, { kind: 'threshold' }>;
type UpperTarget = Extract<Target, { kind: 'upper' }>;

/** What is known of one indicator for one county, before it is judged. */
export type Observation =
  | { state: 'pending' | 'missing'; judgedOn: string }
  | {
      state: 'known';
      judgedOn: string;
      value: number | null;
      numerator?: number | null;
      denominator?: number | null;
      date?: string | null;
    };

// Figures are ratios of whole numbers; floating-point noise must not move a figure that sits exactly on a threshold.
const EPSILON = 1e-9;

/** The 序时进度: the share expected on day d, ramping linearly from rampStart to the deadline. */
export function rampedExpected(target: RatioTarget, rampStart: string, d: string): number {
  if (target.deadline === null) return target.share;
  const span = daysBetween(rampStart, target.deadline);
  const progress = span <= 0 ? 1 : Math.min(Math.max(daysBetween(rampStart, d) / span, 0), 1);
  return target.share * progress;
}

export function judgeRatio(
  numerator: number,
  denominator: number,
  target: RatioTarget,
  d: string,
  rampStart: string,
  thresholds: Thresholds,
): IndicatorResult {
  if (denominator === 0) {
    return {
      value: null,
      expected: null,
      attainment: null,
      status: null,
      score: null,
      numerator,
      denominator,
      judgedOn: d,
    };
  }
  const value = numerator / denominator;
  const expected = rampedExpected(target, rampStart, d);
  const r = expected === 0 ? 1 : value / expected;
  const shortAfterDeadline = target.deadline !== null && isPast(target.deadline, d) && value < target.share - EPSILON;
  const status =
    r < thresholds.amber - EPSILON || shortAfterDeadline ? 'red' : r >= thresholds.green - EPSILON ? 'green' : 'amber';
  return { value, expected, attainment: r, status, score: Math.min(r, 1) * 100, numerator, denominator, judgedOn: d };
}

/** Bools arrive as 1/0 against a minimum of 1. */
export function judgeThreshold(value: number, target: ThresholdTarget, d: string): IndicatorResult {
  const attainment = target.min === 0 ? 1 : value / target.min;
  const base = { value, expected: target.min, attainment, judgedOn: d };
  if (value >= target.min) return { ...base, status: 'green', score: 100 };
  if (!isPast(target.deadline, d)) return { ...base, status: 'amber', score: null };
  return { ...base, status: 'red', score: Math.min(attainment, 1) * 100 };
}

export function judgeUpper(value: number, target: UpperTarget, d: string): IndicatorResult {
  const limit = target.max;
  const base = { value, expected: limit, judgedOn: d };
  if (limit === 0) {
    if (value <= 0) return { ...base, attainment: 1, status: 'green', score: 100 };
    if (value <= 1) return { ...base, attainment: null, status: 'amber', score: 50 };
    return { ...base, attainment: null, status: 'red', score: 0 };
  }
  const attainment = value === 0 ? 1 : limit / value;
  const status = value <= limit ? 'green' : value <= 1.1 * limit ? 'amber' : 'red';
  return { ...base, attainment, status, score: Math.min(attainment, 1) * 100 };
}

function unscored(observation: Observation): IndicatorResult {
  const known = observation.state === 'known' ? observation : null;
  return {
    value: known?.value ?? null,
    expected: null,
    attainment: null,
    status: null,
    score: null,
    judgedOn: observation.judgedOn,
    ...(known?.numerator !== undefined ? { numerator: known.numerator, denominator: known.denominator ?? null } : {}),
    ...(known?.date !== undefined ? { date: known.date } : {}),
  };
}

function absent(
  status: 'pending' | 'missing',
  judgedOn: string,
  extra: Partial<IndicatorResult> = {},
): IndicatorResult {
  return {
    value: null,
    expected: null,
    attainment: null,
    status,
    score: status === 'missing' ? 0 : null,
    judgedOn,
    ...extra,
  };
}

/** Judges one indicator; untargeted, shown-only and date indicators pass their figure through unscored. */
export function judgeIndicator(def: IndicatorDef, observation: Observation, campaign: CampaignDef): IndicatorResult {
  const target = def.shownOnly ? undefined : def.target;
  if (!target || target.kind === 'date_by') return unscored(observation);
  if (observation.state !== 'known') return absent(observation.state, observation.judgedOn);
  const d = observation.judgedOn;
  if (target.kind === 'ratio') {
    const { numerator = null, denominator = null } = observation;
    // A blank numerator or denominator leaves the ratio unjudgeable: the county failed to supply it.
    if (numerator === null || denominator === null) return absent('missing', d, { numerator, denominator });
    return judgeRatio(numerator, denominator, target, d, campaign.rampStart, campaign.thresholds);
  }
  if (observation.value === null) return absent('missing', d);
  return target.kind === 'threshold'
    ? judgeThreshold(observation.value, target, d)
    : judgeUpper(observation.value, target, d);
}
