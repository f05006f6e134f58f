import { between, chance, intBetween, pick, type Rng } from './rng';

/** A stock drifting by up to ±pct a month. */
export function drift(rng: Rng, n: number, start: number, pct: number, trend = 0): number[] {
  const out: number[] = [];
  let v = start;
  for (let i = 0; i < n; i++) {
    out.push(Math.max(0, Math.round(v)));
    v *= 1 + trend + between(rng, -pct, pct);
  }
  return out;
}

/** Monthly increments around `mean`, returned cumulated since the campaign start. */
export function increments(rng: Rng, n: number, mean: number, spread = 0.4): number[] {
  return Array.from({ length: n }, () => Math.max(0, Math.round(mean * between(rng, 1 - spread, 1 + spread))));
}

export function cumulate(monthly: number[]): number[] {
  let sum = 0;
  return monthly.map((m) => (sum += m));
}

export interface CoveragePlan {
  start: number;
  /** Period index at which `end` is reached. */
  reachAt: number;
  end: number;
  /** Period index at which a county behind catches up to full, or null. */
  catchUpAt: number | null;
}

/** A share rising monotonically from `start` to `end` at `reachAt`, then to 1 on catching up. */
export function coverage(rng: Rng, n: number, plan: CoveragePlan): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const planned =
      i >= plan.reachAt
        ? plan.end
        : plan.start + ((plan.end - plan.start) * i * between(rng, 0.9, 1.05)) / plan.reachAt;
    const v = plan.catchUpAt !== null && i >= plan.catchUpAt ? 1 : Math.min(planned, plan.end);
    prev = Math.max(prev, Math.min(1, v));
    out.push(prev);
  }
  return out;
}

/** Most counties reach the target by the deadline period; one behind stops short and may catch up after supervision. */
export function coveragePlan(
  rng: Rng,
  n: number,
  deadlineIdx: number,
  behind: boolean,
  start: [number, number],
  lagStart: [number, number],
): CoveragePlan {
  if (!behind) {
    const reachAt = Math.min(deadlineIdx, pick(rng, [1, 2, 2, 3, 3, 3]));
    return { start: between(rng, ...start), reachAt, end: 1, catchUpAt: null };
  }
  const catchUpAt = chance(rng, 0.5) ? Math.min(n - 1, deadlineIdx + intBetween(rng, 1, 2)) : null;
  return { start: between(rng, ...lagStart), reachAt: deadlineIdx, end: between(rng, 0.45, 0.9), catchUpAt };
}

/** An integer part of a whole that is full only when the share is 1. */
export function partOf(share: number, whole: number): number {
  if (share >= 1) return whole;
  return Math.max(0, Math.min(whole - 1, Math.round(share * whole)));
}

/** The period index at which a measure is in place (a bool turns true), null for never. */
export function switchAt(rng: Rng, n: number, deadlineIdx: number, behind: boolean): number | null {
  if (!behind) return Math.min(deadlineIdx, pick(rng, [0, 1, 1, 2, 2, 2, 3, 3]));
  return pick(
    rng,
    [deadlineIdx + 1, n - 1, null].map((i) => (i !== null && i < n ? i : null)),
  );
}

export const formatCents = (cents: number): string =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
export const formatBool = (on: boolean): string => (on ? 'true' : 'false');
