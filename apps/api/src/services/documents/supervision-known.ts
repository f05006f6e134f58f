import type { KnownSupervision } from '@dudao/documents';
import { itemCounts } from '@dudao/metrics';
import type { Ctx } from '../context';
import { visitsWithin } from '../supervision/visits';

/** Supervision as known at the end of `asOf`; the item counts (逾期未整改 included) are the metrics' `itemCounts`. */
export async function knownSupervision(
  ctx: Ctx<'campaign'>,
  scope: string,
  asOf: string,
): Promise<Map<string, KnownSupervision>> {
  const visits = new Map<
    string,
    { firstVisitOn: string; byLevel: 'city' | 'province'; items: Parameters<typeof itemCounts>[0] }
  >();
  // The read already leaves out what was recorded after asOf; voided records count nowhere.
  for (const visit of await visitsWithin(ctx, scope, asOf)) {
    if (visit.voided || visit.visitedOn > asOf) continue;
    const items = visit.items.map((i) => ({ dueOn: i.dueOn, closedOn: i.closedOn, voided: i.voided }));
    const seen = visits.get(visit.countyCode);
    if (seen) seen.items.push(...items);
    else visits.set(visit.countyCode, { firstVisitOn: visit.visitedOn, byLevel: visit.byLevel, items });
  }
  return new Map(
    [...visits].map(([county, v]) => [
      county,
      { firstVisitOn: v.firstVisitOn, byLevel: v.byLevel, ...itemCounts(v.items, asOf) },
    ]),
  );
}
