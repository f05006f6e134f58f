import { roundHalfUp, shownDecimal, PERCENT_MARKS } from './format';
import type { GateStatus } from './types';

// The counts that summaries, the 通报 and the overview pages state in words: counted here once, read by all of them.

/** How a set of counties stands: scored, at full score, below the low-score line, lagging, watched. */
export interface ScopeCounts {
  counties: number;
  scored: number;
  fullScore: number;
  lowScore: number;
  lagging: number;
  watch: number;
}

export function scopeCounts(
  counties: readonly { score: number | null; lagging: boolean; watch: boolean }[],
  lowScoreLine: number,
): ScopeCounts {
  const scored = counties.filter((c) => c.score !== null);
  return {
    counties: counties.length,
    scored: scored.length,
    fullScore: scored.filter((c) => c.score! >= 100 - 1e-9).length,
    lowScore: scored.filter((c) => c.score! < lowScoreLine).length,
    lagging: counties.filter((c) => c.lagging).length,
    watch: counties.filter((c) => c.watch).length,
  };
}

/** Where a gate stands over units, in the words a document uses: done on time, done late, not done (overdue or not yet due). */
export interface GateTally {
  applies: number;
  onTime: number;
  late: number;
  notDone: number;
}

export function gateTally(statuses: readonly GateStatus[]): GateTally {
  const of = (s: GateStatus) => statuses.filter((x) => x === s).length;
  return {
    applies: statuses.length - of('n/a'),
    onTime: of('met'),
    late: of('late'),
    notDone: of('overdue') + of('pending'),
  };
}

/** 督办 of one county: copies issued to it, still open, and urges (催报/催办) of its reports, roster and orders. */
export interface CountyDispatch {
  countyCode: string;
  issued: number;
  open: number;
  urged: number;
  /** Closed copies whose linked lagging reason still holds in the data at the date (办结但问题仍在). */
  closedStillHolding: number;
}

/**
 * The one urge rule: every 催报/催办 addressed to a county counts, whatever it pressed for; urges of a city's summary
 * are the city's, not a county's, and count nowhere here.
 */
export function countyDispatch(
  copies: readonly { county: string; state: string; stillHolds?: boolean }[],
  urges: readonly { unit: string; kind: string; count: number }[],
): CountyDispatch[] {
  const byCounty = new Map<string, CountyDispatch>();
  const of = (code: string) => {
    let d = byCounty.get(code);
    if (!d) byCounty.set(code, (d = { countyCode: code, issued: 0, open: 0, urged: 0, closedStillHolding: 0 }));
    return d;
  };
  for (const copy of copies) {
    const d = of(copy.county);
    d.issued += 1;
    if (copy.state !== 'closed') d.open += 1;
    else if (copy.stillHolds) d.closedStillHolding += 1;
  }
  for (const urge of urges) if (urge.kind !== 'summary') of(urge.unit).urged += urge.count;
  return [...byCounty.values()].sort((a, b) => a.countyCode.localeCompare(b.countyCode));
}

/** The totals of the counties given. */
export function dispatchTotals(counts: readonly CountyDispatch[], counties: ReadonlySet<string>) {
  const mine = counts.filter((d) => counties.has(d.countyCode));
  const sum = (pick: (d: CountyDispatch) => number) => mine.reduce((s, d) => s + pick(d), 0);
  return {
    issued: sum((d) => d.issued),
    open: sum((d) => d.open),
    urged: sum((d) => d.urged),
    closedStillHolding: sum((d) => d.closedStillHolding),
    openCounties: mine.filter((d) => d.open > 0).map((d) => d.countyCode),
  };
}

/** The change of a share in percentage points between two shown values (77.2% from 60.5% → 16.7). */
export function pointsChange(now: number, before: number): number {
  return roundHalfUp(shownDecimal(now * 100, PERCENT_MARKS) - shownDecimal(before * 100, PERCENT_MARKS), 1);
}

/** The best and the last units by a figure (higher is better), ties by code; units without a value are left out. */
export function bestAndLast<T extends { code: string; value: number | null }>(
  units: readonly T[],
): { best: T[]; last: T[] } {
  const valued = units
    .filter((u) => u.value !== null)
    .sort((a, b) => b.value! - a.value! || a.code.localeCompare(b.code));
  if (valued.length === 0) return { best: [], last: [] };
  const top = valued[0]!.value!;
  const bottom = valued[valued.length - 1]!.value!;
  if (top === bottom) return { best: valued, last: [] };
  return { best: valued.filter((u) => u.value === top), last: valued.filter((u) => u.value === bottom) };
}
