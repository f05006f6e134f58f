import { asc, eq } from 'drizzle-orm';
import { orgUnits, users, type Role } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
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

const scopeLevel: Record<Role, string> = { province_admin: 'province', province_viewer: 'province', city_officer: 'city', county_clerk: 'county' };

export function checkScope(db: DbOrTx, role: Role, scopeCode: string): void {
  const unit = getUnit(db, scopeCode);
  if (!unit || unit.level !== scopeLevel[role] || !/^\d+$/.test(scopeCode)) throw new DomainError('bad_request', `角色 ${role} 的管辖范围应为${{ province: '省', city: '市', county: '县级单位' }[scopeLevel[role]]}代码，${scopeCode} 不符合`);
}

/** Inserts users whose password hash is already computed (demo accounts share one hash of the published demo password). */
export function insertUsers(db: DbOrTx, list: (NewUser & { passwordHash: string; mustChangePassword?: boolean; demo?: boolean })[], actor: Actor, at: string): void {
  if (list.length === 0) return;
  for (let i = 0; i < list.length; i += 500) db.insert(users).values(list.slice(i, i + 500).map((u) => ({ ...u, createdAt: at }))).run();
  recordAudit(db, actor, at, list.map((u) => ({ action: 'user.create', entity: 'user', entityId: u.username, unitCode: u.scopeCode, field: 'role', newValue: u.role })));
}

/** `mustChangePassword`: the password was chosen by the admin creating the account, so its owner replaces it at first login. */
export async function createUser(db: DbOrTx, input: NewUser & { password: string; mustChangePassword?: boolean }, actor: Actor, at: string) {
  checkScope(db, input.role, input.scopeCode);
  checkPassword(db, input.username, input.password);
  if (db.select().from(users).where(eq(users.username, input.username)).get()) throw new DomainError('conflict', `用户名 ${input.username} 已存在`);
  const { password, ...account } = input;
  const passwordHash = await hashPassword(password);
  insertUsers(db, [{ ...account, passwordHash }], actor, at);
  return db.select().from(users).where(eq(users.username, input.username)).get()!;
}

export function listUsers(db: DbOrTx) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, scopeCode: users.scopeCode, scopeName: orgUnits.name, disabled: users.disabled })
    .from(users)
    .innerJoin(orgUnits, eq(users.scopeCode, orgUnits.code))
    .orderBy(asc(users.id))
    .all();
}
