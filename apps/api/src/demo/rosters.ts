import { addDays, daysBetween } from '@dudao/schema/campaign';
import { officeInstant } from './instants';
import type { CountyProfile } from './profile';
import { between, chance, intBetween, pick, shuffled, type Rng } from './rng';
import type { DemoRoster, DemoVillage } from './types';

export interface RosterWindow {
  firstFrom: string;
  firstTo: string;
  deadline: string;
  lastDay: string;
  eligibleAt: number;
}

function uploadDays(rng: Rng, w: RosterWindow): string[] {
  const days = [addDays(w.firstFrom, intBetween(rng, 0, daysBetween(w.firstFrom, w.firstTo)))];
  for (
    let next = addDays(days[0] ?? w.firstFrom, intBetween(rng, 24, 36));
    next <= w.lastDay && days.length < 5;
    next = addDays(next, intBetween(rng, 24, 36))
  ) {
    days.push(next);
  }
  return days;
}

/** Share of villages covered at each upload: full by the last upload before the deadline unless the county has a gap. */
function shares(rng: Rng, uploads: number, lastBefore: number, gap: 'none' | 'november' | 'never'): number[] {
  const end = gap === 'none' ? 1 : between(rng, 0.7, 0.95);
  const reach = Math.min(
    lastBefore,
    gap === 'none' ? intBetween(rng, Math.max(1, lastBefore - 1), lastBefore) : lastBefore,
  );
  const start = Math.min(end, between(rng, 0.45, 0.85));
  return Array.from({ length: uploads }, (_, u) => {
    if (u > lastBefore) return gap === 'never' ? Math.min(0.97, end + 0.02 * (u - lastBefore)) : 1;
    return u >= reach ? end : start + ((end - start) * u) / reach;
  });
}

const covered = (share: number, villages: number): number =>
  share >= 1 ? villages : Math.min(villages - 1, Math.floor(share * villages));

export function buildRosters(
  rng: Rng,
  countyCode: string,
  villages: DemoVillage[],
  recipients: number[],
  profile: CountyProfile,
  w: RosterWindow,
): DemoRoster[] {
  if (villages.length === 0) return [];
  const days = uploadDays(rng, w);
  const lastBefore = days.filter((d) => d <= w.deadline).length - 1;
  const coordinatorShares = shares(rng, days.length, lastBefore, profile.coordinatorGap);
  const civilShares = shares(
    rng,
    days.length,
    lastBefore,
    profile.civilAffairsGap ? pick(rng, ['november', 'never'] as const) : 'none',
  );
  const coordinatorRank = rankOf(
    shuffled(
      rng,
      villages.map((_, i) => i),
    ),
  );
  const civilRank = rankOf(
    shuffled(
      rng,
      villages.map((_, i) => i),
    ),
  );
  const stationReady = readiness(rng, recipients, profile.stationGap, lastBefore, w.eligibleAt);
  const staff = villages.map((_, i) => {
    const coordinators = 1 + ((recipients[i] ?? 0) >= 150 && chance(rng, 0.5) ? 1 : 0) + (chance(rng, 0.05) ? 1 : 0);
    return {
      coordinators,
      fullTime: Array.from({ length: coordinators }, () => chance(rng, 0.4)).filter(Boolean).length,
      pay: Math.round(between(rng, 800, 2500) / 10) * 10,
      stations: (recipients[i] ?? 0) >= 2 * w.eligibleAt && chance(rng, 0.5) ? 2 : 1,
      extraStation: chance(rng, 0.08),
    };
  });
  const level = recipients.map((r) => r);
  const everEligible = villages.map(() => false);
  return days.map((day, u) => {
    const withCoordinators = covered(coordinatorShares[u] ?? 0, villages.length);
    const withCivil = covered(civilShares[u] ?? 0, villages.length);
    const rows = villages.map((v, i) => {
      if (u > 0) level[i] = Math.max(0, Math.round((level[i] ?? 0) * between(rng, 0.985, 1.015)));
      const longTermRecipients = level[i] ?? 0;
      if (longTermRecipients >= w.eligibleAt) everEligible[i] = true;
      const s = staff[i];
      const staffed = (coordinatorRank[i] ?? 0) < withCoordinators;
      const built = u >= (stationReady[i] ?? Infinity) && (everEligible[i] === true || s?.extraStation === true);
      return {
        villageCode: v.code,
        villageName: v.name,
        longTermRecipients,
        civilAffairsMember: (civilRank[i] ?? 0) < withCivil,
        coordinators: staffed ? (s?.coordinators ?? 1) : 0,
        coordinatorsFullTime: staffed ? (s?.fullTime ?? 0) : 0,
        coordinatorPay: staffed ? (s?.pay ?? null) : null,
        stations: built ? (s?.stations ?? 1) : 0,
      };
    });
    return { countyCode, at: officeInstant(rng, day), rows };
  });
}

const rankOf = (order: number[]): number[] => {
  const rank: number[] = [];
  order.forEach((village, position) => (rank[village] = position));
  return rank;
};

/** Upload index from which each village has its station; a county with a gap leaves some eligible villages past the deadline. */
function readiness(rng: Rng, recipients: number[], gap: boolean, lastBefore: number, eligibleAt: number): number[] {
  const ready = recipients.map(() => intBetween(rng, 0, lastBefore));
  if (!gap) return ready;
  const eligible = recipients.map((r, i) => ({ r, i })).filter(({ r }) => r >= eligibleAt * 1.05);
  for (const { i } of shuffled(rng, eligible).slice(0, Math.max(1, Math.ceil(eligible.length / 3)))) {
    ready[i] = chance(rng, 0.5) ? lastBefore + 1 : Infinity;
  }
  return ready;
}
