import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { orgUnits, type OrgUnit, type UnitLevel } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';

export function getUnit(db: DbOrTx, code: string): OrgUnit | undefined {
  return db.select().from(orgUnits).where(eq(orgUnits.code, code)).get();
}

export function listUnits(db: DbOrTx, query: { parent?: string; level?: UnitLevel }): OrgUnit[] {
  const where: SQL[] = [];
  if (query.parent) where.push(eq(orgUnits.parentCode, query.parent));
  if (query.level) where.push(eq(orgUnits.level, query.level));
  return db.select().from(orgUnits).where(and(...where)).orderBy(asc(orgUnits.code)).all();
}

export function townshipsOf(db: DbOrTx, countyCodes: string[]): OrgUnit[] {
  if (countyCodes.length === 0) return [];
  return db.select().from(orgUnits).where(and(eq(orgUnits.level, 'township'), inArray(orgUnits.parentCode, countyCodes))).orderBy(asc(orgUnits.code)).all();
}

/** Villages hang under townships; a county's villages are those of its townships. */
export function villagesOf(db: DbOrTx, countyCode: string): OrgUnit[] {
  const townships = townshipsOf(db, [countyCode]).map((t) => t.code);
  if (townships.length === 0) return [];
  return db.select().from(orgUnits).where(and(eq(orgUnits.level, 'village'), inArray(orgUnits.parentCode, townships))).orderBy(asc(orgUnits.code)).all();
}

/** The ancestor chain of a unit, nearest first, derived from the division code's fixed-width segments. */
export function ancestorCodes(code: string): string[] {
  const cuts = [9, 6, 4, 2].filter((n) => n < code.length);
  return cuts.map((n) => code.slice(0, n));
}

export function isWithin(code: string, scopeCode: string): boolean {
  return code === scopeCode || code.startsWith(scopeCode);
}
