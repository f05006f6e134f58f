import type { Ctx } from '../context';
import { visitsWithin } from '../supervision/visits';

export interface KnownSupervision {
  /** The first visit on or before asOf that was recorded by then. */
  firstVisitOn: string;
  byLevel: 'city' | 'province';
  items: number;
  closed: number;
}

/** Supervision as known at the end of `asOf`: records, items and closures written later do not count yet. */
export async function knownSupervision(
  ctx: Ctx<'campaign'>,
  scope: string,
  asOf: string,
): Promise<Map<string, KnownSupervision>> {
  const out = new Map<string, KnownSupervision>();
  // The read already leaves out what was recorded after asOf; voided records count nowhere.
  for (const visit of await visitsWithin(ctx, scope, asOf)) {
    if (visit.voided || visit.visitedOn > asOf) continue;
    const items = visit.items.filter((i) => !i.voided);
    const closed = items.filter((i) => i.status === 'done').length;
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
