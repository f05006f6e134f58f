import { and, asc, eq, like, lt } from 'drizzle-orm';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { urges } from '@dudao/schema/tables';
import type { Ctx } from '../context';

export interface UrgeCount {
  kind: 'report' | 'roster' | 'summary' | 'dispatch';
  unit: string;
  period: string | null;
  orderId: number | null;
  count: number;
  lastAt: string;
}

/** How often each missing item inside `scope` was urged by the end of `asOf` (已催报 2 次). */
export async function urgeCounts(ctx: Ctx<'campaign'>, scope: string, asOf: string): Promise<UrgeCount[]> {
  // Ordered by id (SQLite's own order without ORDER BY) so the items keep one order on either engine.
  const rows = await ctx.db
    .select()
    .from(urges)
    .where(
      and(
        eq(urges.campaignCode, ctx.campaign.code),
        like(urges.unitCode, `${scope}%`),
        lt(urges.at, endOfBeijingDay(asOf)),
      ),
    )
    .orderBy(asc(urges.id))
    .all();
  const byItem = new Map<string, UrgeCount>();
  for (const r of rows) {
    const key = urgeKey(r.kind, r.unitCode, r.period, r.orderId);
    const seen = byItem.get(key);
    if (seen) {
      seen.count += 1;
      if (r.at > seen.lastAt) seen.lastAt = r.at;
    } else
      byItem.set(key, { kind: r.kind, unit: r.unitCode, period: r.period, orderId: r.orderId, count: 1, lastAt: r.at });
  }
  return [...byItem.values()];
}

export function urgeKey(kind: string, unit: string, period?: string | null, orderId?: number | null): string {
  return `${kind}:${unit}:${period ?? ''}:${orderId ?? ''}`;
}

export async function urgeTotals(ctx: Ctx<'campaign'>, scope: string, asOf: string): Promise<number> {
  return (await urgeCounts(ctx, scope, asOf)).filter((u) => u.kind !== 'dispatch').reduce((sum, u) => sum + u.count, 0);
}
