import { addDays, periodEnd } from '@dudao/schema/campaign';

// The month after a 'YYYY-MM' period: the day after its last day.
const nextPeriod = (period: string) => addDays(periodEnd(period), 1).slice(0, 7);

/** One indicator as status.at judged it on one as-of day: the figure, the 序时进度 and the day it describes. */
export interface TrendSample {
  judgedOn: string | null;
  value: number | null;
  expected: number | null;
  status: string | null;
}

export interface TrendPoint {
  on: string;
  value: number | null;
  expected: number | null;
  status: string | null;
}

/** The as-of days to ask status.at about: each month end from the first period to `asOf`, and `asOf` itself. */
export function trendDays(periods: readonly string[], asOf: string): string[] {
  const first = periods[0];
  if (!first) return [asOf];
  const days: string[] = [];
  for (let month = first, end = periodEnd(month); end < asOf; month = nextPeriod(month), end = periodEnd(month))
    days.push(end);
  return [...days, asOf];
}

/** One point per day judged: a report figure read on several as-of days is the same point, the latest reading kept. */
export function trendPoints(samples: readonly TrendSample[]): TrendPoint[] {
  const byDay = new Map<string, TrendPoint>();
  for (const s of samples) {
    if (!s.judgedOn || (s.value === null && s.status === 'pending')) continue;
    byDay.set(s.judgedOn, { on: s.judgedOn, value: s.value, expected: s.expected, status: s.status });
  }
  return [...byDay.values()].sort((a, b) => a.on.localeCompare(b.on));
}
