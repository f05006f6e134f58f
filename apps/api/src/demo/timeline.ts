import { addDays } from '@dudao/schema/campaign';
import { instant, officeInstant } from './instants';
import type { CountyProfile } from './profile';
import { chance, intBetween, type Rng } from './rng';
import type { DemoEvent } from './types';

export interface Correction {
  reason: string;
  values: Record<string, string | null>;
}

export interface TimelineInput {
  due: string;
  /** The day after the period ends: nothing is submitted before it. */
  earliest: string;
  /** Accepted by the province: most periods up to the deadline, some of the next, none later. */
  acceptChance: number;
  approveChance: number;
  profile: CountyProfile;
}

/** Submission on or before the due day (never before the period has ended), or 1–12 days late, mostly by a few days. */
function firstSubmitDay(rng: Rng, input: TimelineInput): string {
  if (chance(rng, input.profile.lateRisk)) return addDays(input.due, 1 + Math.floor(12 * rng() ** 2));
  const day = addDays(input.due, -Math.min(4, intBetween(rng, 0, 5)));
  return day < input.earliest ? input.earliest : day;
}

/** The workflow events of one report in time order; a never-submitted report has none. */
export function timeline(rng: Rng, input: TimelineInput, correct: () => Correction): DemoEvent[] {
  if (chance(rng, input.profile.missRisk)) return [];
  let day = firstSubmitDay(rng, input);
  const events: DemoEvent[] = [{ action: 'submit', at: officeInstant(rng, day) }];
  if (chance(rng, input.profile.returnRisk)) {
    day = addDays(day, intBetween(rng, 1, 3));
    const { reason, values } = correct();
    events.push({ action: 'return', at: officeInstant(rng, day), reason });
    day = addDays(day, intBetween(rng, 1, 4));
    const editMinute = intBetween(rng, 9 * 60, 17 * 60);
    events.push({ action: 'edit', at: instant(day, editMinute), values });
    events.push({ action: 'submit', at: instant(day, editMinute + intBetween(rng, 5, 58)) });
  }
  if (!chance(rng, input.approveChance)) return events;
  day = addDays(day, intBetween(rng, 1, 5));
  events.push({ action: 'approve', at: officeInstant(rng, day) });
  if (chance(rng, input.acceptChance))
    events.push({ action: 'accept', at: officeInstant(rng, addDays(day, intBetween(rng, 2, 15))) });
  return events;
}
