import { endOfBeijingDay } from '@dudao/schema/campaign';
import type { DbOrTx } from '../../db/client';
import { visitsWithin } from '../supervision/visits';

export interface KnownSupervision {
  /** The first visit on or before asOf that was recorded by then. */
  firstVisitOn: string;
  byLevel: 'city' | 'province';
  items: number;
  closed: number;
}

/** Supervision as known at the end of `asOf`: records, items and closures written later do not count yet. */
export function knownSupervision(db: DbOrTx, scope: string, asOf: string): Map<string, KnownSupervision> {
  const before = Date.parse(endOfBeijingDay(asOf));
  const known = (at: string | null) => at !== null && Date.parse(at) < before;
  const out = new Map<string, KnownSupervision>();
  for (const visit of visitsWithin(db, scope, asOf)) {
    if (!known(visit.recordedAt) || visit.visitedOn > asOf) continue;
    const items = visit.items.filter((i) => known(i.createdAt));
    const closed = items.filter((i) => i.status === 'done' && known(i.closedAt)).length;
    const seen = out.get(visit.countyCode);
    if (seen) {
      seen.items += items.length;
      seen.closed += closed;
    } else {
      out.set(visit.countyCode, { firstVisitOn: visit.visitedOn, byLevel: visit.byLevel, items: items.length, closed });
    }
  }
  return out;
}
