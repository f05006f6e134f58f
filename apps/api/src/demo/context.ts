import type { CasePool } from './cases';
import type { CountySize } from './magnitudes';
import type { CountyProfile } from './profile';
import { chance, type Rng } from './rng';

export interface SeriesContext {
  rng: Rng;
  /** Number of campaign periods. */
  n: number;
  /** Index of the period ending on the main deadline (10-31). */
  deadlineIdx: number;
  periodEnds: string[];
  size: CountySize;
  profile: CountyProfile;
  pool: CasePool | null;
}

/** Indicator code → its text value in every period, final (after any correction). */
export type Series = Record<string, string[]>;

/** Whether the county falls short on one more measure: most laggards do, a few others too. */
export const isBehind = (ctx: SeriesContext): boolean => chance(ctx.rng, ctx.profile.laggard ? 0.7 : 0.03);

export const texts = (values: number[]): string[] => values.map(String);
