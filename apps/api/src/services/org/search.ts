import { and, asc, inArray, like, sql } from 'drizzle-orm';
import { orgUnits } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { ancestorCodes } from './units';

const searchable = ['county', 'township', 'village'] as const;

/** Counties, townships and villages inside the scope whose name contains the words or whose code starts with them; each leads to its county. */
export async function searchUnits(ctx: Ctx, scopeCode: string, query: string, limit = 20) {
  const text = query.trim();
  const byCode = /^\d+$/.test(text);
  const matches = await ctx.db
    .select()
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.level, [...searchable]),
        like(orgUnits.code, `${scopeCode}%`),
        byCode ? like(orgUnits.code, `${text}%`) : like(orgUnits.name, `%${text.replace(/[%_]/g, '')}%`),
      ),
    )
    // Shorter names match more exactly, and counties come before their townships and villages.
    .orderBy(sql`length(${orgUnits.code})`, sql`length(${orgUnits.name})`, asc(orgUnits.code))
    .limit(limit)
    .all();
  const ancestors = [...new Set(matches.flatMap((m) => ancestorCodes(m.code)))];
  const names = new Map(
    ancestors.length
      ? (
          await ctx.db
            .select({ code: orgUnits.code, name: orgUnits.name })
            .from(orgUnits)
            .where(inArray(orgUnits.code, ancestors))
            .all()
        ).map((u) => [u.code, u.name])
      : [],
  );
  return matches.map((m) => {
    const chain = ancestorCodes(m.code)
      .reverse()
      .filter((c) => c.length >= 4)
      .map((c) => names.get(c) ?? c);
    return { code: m.code, name: m.name, level: m.level, countyCode: m.code.slice(0, 6), path: chain.join(' · ') };
  });
}
