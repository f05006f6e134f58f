import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orgUnits, type OrgUnit, type UnitLevel } from '@dudao/schema/tables';
import { preparedFor } from '../../db/prepared';
import type { Ctx } from '../context';

// Every write to a report checks its county first: the statement is built once per database.
const unitByCode = preparedFor((db) =>
  db
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.code, sql.placeholder('code')))
    .prepare(),
);

export async function getUnit(ctx: Ctx, code: string): Promise<OrgUnit | undefined> {
  return unitByCode(ctx.db).get({ code });
}

export async function listUnits(ctx: Ctx, query: { parent?: string; level?: UnitLevel }): Promise<OrgUnit[]> {
  const where: SQL[] = [];
  if (query.parent) where.push(eq(orgUnits.parentCode, query.parent));
  if (query.level) where.push(eq(orgUnits.level, query.level));
  return ctx.db
    .select()
    .from(orgUnits)
    .where(and(...where))
    .orderBy(asc(orgUnits.code))
    .all();
}

export async function townshipsOf(ctx: Ctx, countyCodes: string[]): Promise<OrgUnit[]> {
  if (countyCodes.length === 0) return [];
  return ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.level, 'township'), inArray(orgUnits.parentCode, countyCodes)))
    .orderBy(asc(orgUnits.code))
    .all();
}

/** Villages hang under townships; a county's villages are those of its townships. */
export async function villagesOf(ctx: Ctx, countyCode: string): Promise<OrgUnit[]> {
  const townships = (await townshipsOf(ctx, [countyCode])).map((t) => t.code);
  if (townships.length === 0) return [];
  return ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.level, 'village'), inArray(orgUnits.parentCode, townships)))
    .orderBy(asc(orgUnits.code))
    .all();
}

/** The ancestor chain of a unit, nearest first, derived from the division code's fixed-width segments. */
export function ancestorCodes(code: string): string[] {
  const cuts = [9, 6, 4, 2].filter((n) => n < code.length);
  return cuts.map((n) => code.slice(0, n));
}

export function isWithin(code: string, scopeCode: string): boolean {
  return code === scopeCode || code.startsWith(scopeCode);
}
