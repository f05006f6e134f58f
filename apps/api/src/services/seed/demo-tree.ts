import { and, asc, eq, like } from 'drizzle-orm';
import { orgUnits } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import type { DemoTree } from '../../demo/types';

export async function demoTreeFromDb(ctx: Ctx, scopeCode: string): Promise<DemoTree> {
  const level = (l: 'city' | 'county' | 'township' | 'village') =>
    ctx.db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.level, l), like(orgUnits.code, `${scopeCode}%`)))
      .orderBy(asc(orgUnits.code))
      .all();
  const [cities, counties, townshipRows, villages] = [
    await level('city'),
    await level('county'),
    await level('township'),
    await level('village'),
  ];
  const townships = townshipRows.map((t) => ({ code: t.code, name: t.name, countyCode: t.parentCode! }));
  const countyOfTownship = new Map(townships.map((t) => [t.code, t.countyCode]));
  return {
    cities: cities.map((c) => ({ code: c.code, name: c.name })),
    counties: counties.map((c) => ({
      code: c.code,
      name: c.name,
      cityCode: c.parentCode!,
      kind: c.kind ?? '县',
    })),
    townships,
    villages: villages.map((v) => ({
      code: v.code,
      name: v.name,
      townshipCode: v.parentCode!,
      countyCode: countyOfTownship.get(v.parentCode!)!,
    })),
  };
}
