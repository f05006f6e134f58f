import { and, asc, eq, like } from 'drizzle-orm';
import { orgUnits, type CountyKind } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { DemoTree } from '../../demo/types';

export function demoTreeFromDb(db: DbOrTx, scopeCode: string): DemoTree {
  const level = (l: 'city' | 'county' | 'township' | 'village') =>
    db.select().from(orgUnits).where(and(eq(orgUnits.level, l), like(orgUnits.code, `${scopeCode}%`))).orderBy(asc(orgUnits.code)).all();
  const townships = level('township').map((t) => ({ code: t.code, name: t.name, countyCode: t.parentCode! }));
  const countyOfTownship = new Map(townships.map((t) => [t.code, t.countyCode]));
  return {
    cities: level('city').map((c) => ({ code: c.code, name: c.name })),
    counties: level('county').map((c) => ({ code: c.code, name: c.name, cityCode: c.parentCode!, kind: (c.kind ?? '县') as CountyKind })),
    townships,
    villages: level('village').map((v) => ({ code: v.code, name: v.name, townshipCode: v.parentCode!, countyCode: countyOfTownship.get(v.parentCode!)! })),
  };
}
