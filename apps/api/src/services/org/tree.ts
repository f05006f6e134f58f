import { and, asc, inArray, like } from 'drizzle-orm';
import { orgUnits, type OrgUnit } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { getUnit } from './units';

export interface UnitTree {
  code: string;
  name: string;
  level: OrgUnit['level'];
  kind: string | null;
  children: UnitTree[];
}

/** The unit with its descendants down to county level: the administrative shape every page starts from. */
export async function unitTree(ctx: Ctx, code: string): Promise<UnitTree> {
  const root = await getUnit(ctx, code);
  if (!root) throw new DomainError('not_found', `单位 ${code} 不存在`);
  const below = (
    await ctx.db
      .select()
      .from(orgUnits)
      .where(and(like(orgUnits.code, `${code}%`), inArray(orgUnits.level, ['city', 'county'])))
      .orderBy(asc(orgUnits.code))
      .all()
  ).filter((u) => u.code !== code);
  const node = (u: OrgUnit): UnitTree => ({
    code: u.code,
    name: u.name,
    level: u.level,
    kind: u.kind,
    children: below.filter((c) => c.parentCode === u.code).map(node),
  });
  return node(root);
}
