import { itemCounts, type ItemCounts } from '@dudao/metrics';
import type { Ctx } from '../context';
import { listUnits } from '../org/units';
import { visitsWithin } from './read';

export interface SupervisionCounts extends ItemCounts {
  visits: number;
}

/** Visits and rectification items of a scope as of a day, in total and per city (province) or per county (city). */
export async function supervisionOverview(ctx: Ctx<'campaign'>, scopeCode: string, asOf: string) {
  const visits = (await visitsWithin(ctx, scopeCode, asOf)).filter((v) => !v.voided && v.visitedOn <= asOf);
  const countsOf = (prefix: string): SupervisionCounts => {
    const mine = visits.filter((v) => v.countyCode.startsWith(prefix));
    const items = mine.flatMap((v) => v.items).map((i) => ({ dueOn: i.dueOn, closedOn: i.closedOn, voided: i.voided }));
    return { visits: mine.length, ...itemCounts(items, asOf) };
  };
  const parts = (await listUnits(ctx, { parent: scopeCode.length <= 4 ? scopeCode : scopeCode.slice(0, 4) })).filter(
    (u) => (scopeCode.length <= 4 ? true : u.code === scopeCode),
  );
  return {
    asOf,
    total: countsOf(scopeCode),
    parts: parts.map((u) => ({ code: u.code, name: u.name, ...countsOf(u.code) })),
    overdueItems: visits.flatMap((v) =>
      v.items
        .filter((i) => i.overdue)
        .map((i) => ({
          id: i.id,
          countyCode: v.countyCode,
          description: i.description,
          owner: i.owner,
          dueOn: i.dueOn,
        })),
    ),
  };
}
