import { and, eq, inArray } from 'drizzle-orm';
import { users, type Role } from '@dudao/schema/tables';
import type { Ctx } from '../context';

/** Active users of `role`, by the unit they hold. */
export async function usersByScope(ctx: Ctx, role: Role, scopes?: string[]): Promise<Map<string, number[]>> {
  const rows = await ctx.db
    .select({ id: users.id, scope: users.scopeCode })
    .from(users)
    .where(and(eq(users.role, role), eq(users.disabled, false), scopes ? inArray(users.scopeCode, scopes) : undefined))
    .all();
  const out = new Map<string, number[]>();
  for (const r of rows) out.set(r.scope, [...(out.get(r.scope) ?? []), r.id]);
  return out;
}
