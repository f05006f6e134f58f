import { addDays, daysBetween } from '@dudao/schema/campaign';
import type { CountyProfile } from './profile';
import { chance, intBetween, shuffled, type Rng } from './rng';
import { officeInstant } from './instants';
import type { DemoCaseLog, DemoCaseRow } from './types';
import { workingDaysBetween } from './workdays';

export interface PoolCase extends DemoCaseRow {
  /** Working days to the decision, null while undecided for good. */
  workdays: number | null;
}

export interface CasePool {
  cases: PoolCase[];
  uploads: string[];
}

/** Window of the demo's case logs: applications from the campaign start, uploads after the month before the deadline and after the following month. */
export interface CaseWindow {
  start: string;
  lastApplied: string;
  uploadAfter: [string, string];
}

export function drawCasePool(
  rng: Rng,
  countyCode: string,
  townships: string[],
  profile: CountyProfile,
  window: CaseWindow,
): CasePool | null {
  if (profile.caseLogUploads === 0 || townships.length === 0) return null;
  const first = addDays(window.uploadAfter[0], intBetween(rng, 8, 15));
  const uploads =
    profile.caseLogUploads === 2 ? [first, addDays(window.uploadAfter[1], intBetween(rng, 1, 7))] : [first];
  const early = intBetween(rng, 20, 120);
  const late = profile.caseLogUploads === 2 ? intBetween(rng, 10, Math.min(80, 200 - early)) : 0;
  const applied = [
    ...Array.from({ length: early }, () =>
      addDays(window.start, intBetween(rng, 0, daysBetween(window.start, first) - 1)),
    ),
    ...Array.from({ length: late }, () => addDays(first, intBetween(rng, 0, daysBetween(first, window.lastApplied)))),
  ].sort();
  const overLimit = new Set(
    shuffled(
      rng,
      applied.map((_, i) => i),
    ).slice(0, profile.overLimitCases),
  );
  const cases = applied.map((appliedOn, i): PoolCase => {
    const undecided = !overLimit.has(i) && chance(rng, 0.03);
    const decidedOn = undecided
      ? null
      : addDays(appliedOn, overLimit.has(i) ? intBetween(rng, 40, 55) : intBetween(rng, 5, 24));
    return {
      caseId: `${countyCode}-2021-${String(i + 1).padStart(4, '0')}`,
      kind: chance(rng, 0.8) ? '低保' : '特困',
      townshipCode: townships[intBetween(rng, 0, townships.length - 1)] ?? '',
      appliedOn,
      decidedOn,
      workdays: decidedOn === null ? null : workingDaysBetween(appliedOn, decidedOn),
    };
  });
  return { cases, uploads };
}

/** Each upload is the whole log as known that day: cases applied before it, decisions taken before it. */
export function caseLogs(rng: Rng, countyCode: string, pool: CasePool): DemoCaseLog[] {
  return pool.uploads.map((day) => ({
    countyCode,
    at: officeInstant(rng, day),
    rows: pool.cases
      .filter((c) => c.appliedOn < day)
      .map(({ caseId, kind, townshipCode, appliedOn, decidedOn }) => ({
        caseId,
        kind,
        townshipCode,
        appliedOn,
        decidedOn: decidedOn !== null && decidedOn < day ? decidedOn : null,
      })),
  }));
}

/** t06 figures a case log yields at a period end: cumulative over-limit cases and mean working days of decided cases. */
export function caseFigures(pool: CasePool, periodEnd: string): { overLimit: number; avgDays: number | null } {
  const decided = pool.cases.filter((c) => c.decidedOn !== null && c.decidedOn <= periodEnd && c.workdays !== null);
  const days = decided.map((c) => c.workdays ?? 0);
  return {
    overLimit: days.filter((d) => d > 20).length,
    avgDays: days.length === 0 ? null : days.reduce((a, b) => a + b, 0) / days.length,
  };
}
