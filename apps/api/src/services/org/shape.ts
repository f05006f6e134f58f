import { and, asc, count, eq, like, sql } from 'drizzle-orm';
import { orgUnits } from '@dudao/schema/tables';
import type { Ctx } from '../context';

export interface CountyShape {
  code: string;
  name: string;
  cityCode: string;
  kind: string | null;
  townships: number;
  villages: number;
}

/** Counties with their township and village counts from the tree: the denominators of every coverage. */
export async function countyShapes(ctx: Ctx, scopeCode: string): Promise<CountyShape[]> {
  const within = like(orgUnits.code, `${scopeCode}%`);
  // Division codes embed the county in their first six digits, so grouping on that prefix is exact.
  const countyPrefix = sql<string>`substr(${orgUnits.code}, 1, 6)`;
  const perCounty = async (level: 'township' | 'village') =>
    new Map(
      (
        await ctx.db
          .select({ county: countyPrefix, n: count() })
          .from(orgUnits)
          .where(and(eq(orgUnits.level, level), within))
          .groupBy(countyPrefix)
          .all()
      ).map((r) => [r.county, r.n]),
    );
  const townships = await perCounty('township');
  const villages = await perCounty('village');
  const counties = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.level, 'county'), within))
    .orderBy(asc(orgUnits.code))
    .all();
  return counties.map((c) => ({
    code: c.code,
    name: c.name,
    cityCode: c.parentCode!,
    kind: c.kind,
    townships: townships.get(c.code) ?? 0,
    villages: villages.get(c.code) ?? 0,
  }));
}
