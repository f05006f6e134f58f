import { intBetween, type Rng } from './rng';

const OPEN = 9 * 60;
const CLOSE = 18 * 60;

/** Beijing wall-clock instant with its +08:00 offset. */
export function instant(day: string, minuteOfDay: number): string {
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:00+08:00`;
}

/** A random instant within office hours (09:00–17:59). */
export function officeInstant(rng: Rng, day: string, earliest = OPEN, latest = CLOSE - 1): string {
  return instant(day, intBetween(rng, earliest, latest));
}
