import { asc, eq } from 'drizzle-orm';
import { orgUnits, users, type Role } from '@dudao/schema/tables';
import { recordAudit } from '../audit/record';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { DomainError } from '../errors';
import { getUnit } from '../org/units';
import { hashPassword } from './password';
import { checkPassword } from './password-policy';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
}

const scopeLevel: Record<Role, string> = {
  province_admin: 'province',
  province_viewer: 'province',
  city_officer: 'city',
  county_clerk: 'county',
};

export async function checkScope(ctx: Ctx, role: Role, scopeCode: string): Promise<void> {
  const unit = await getUnit(ctx, scopeCode);
  if (!unit || unit.level !== scopeLevel[role] || !/^\d+$/.test(scopeCode))
    throw new DomainError(
      'bad_request',
      `角色 ${role} 的管辖范围应为${{ province: '省', city: '市', county: '县级单位' }[scopeLevel[role]]}代码，${scopeCode} 不符合`,
    );
}

/** Inserts users whose password hash is already computed (demo accounts share one hash of the published demo password). */
export async function insertUsers(
  ctx: Ctx<'actor'>,
  list: (NewUser & { passwordHash: string; mustChangePassword?: boolean; demo?: boolean })[],
  at: string,
): Promise<void> {
  if (list.length === 0) return;
  for (let i = 0; i < list.length; i += 500)
    await ctx.db
      .insert(users)
      .values(list.slice(i, i + 500).map((u) => ({ ...u, createdAt: at })))
      .run();
  await recordAudit(
    ctx,
    at,
    list.map((u) => ({
      action: 'user.create',
      entity: 'user',
      entityId: u.username,
      unitCode: u.scopeCode,
      field: 'role',
      newValue: u.role,
    })),
  );
}

/** `mustChangePassword`: the password was chosen by the admin creating the account, so its owner replaces it at first login. */
export async function createUser(
  ctx: Ctx<'actor'>,
  input: NewUser & { password: string; mustChangePassword?: boolean },
  given?: string,
) {
  await checkScope(ctx, input.role, input.scopeCode);
  await checkPassword(ctx, input.username, input.password);
  const { password, ...account } = input;
  // Hashing is slow on purpose: done before the transaction, so no lock is held while it runs.
  const passwordHash = await hashPassword(password);
  return stampedWrite(ctx, { at: given, locks: [lockOn.userName(input.username)] }, async (ctx, at) => {
    if (await ctx.db.select().from(users).where(eq(users.username, input.username)).get())
      throw new DomainError('conflict', `用户名 ${input.username} 已存在`);
    await insertUsers(ctx, [{ ...account, passwordHash }], at);
    return (await ctx.db.select().from(users).where(eq(users.username, input.username)).get())!;
  });
}

export async function listUsers(ctx: Ctx) {
  return ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      scopeCode: users.scopeCode,
      scopeName: orgUnits.name,
      disabled: users.disabled,
    })
    .from(users)
    .innerJoin(orgUnits, eq(users.scopeCode, orgUnits.code))
    .orderBy(asc(users.id))
    .all();
}
