import { eq } from 'drizzle-orm';
import { users, type Role } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { endUserSessions } from '../auth/sessions';
import { DomainError } from '../errors';
import { checkScope } from './accounts';
import { hashPassword, verifyPassword } from './password';
import { checkPassword } from './password-policy';

function requireUser(db: DbOrTx, id: number) {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  if (!user) throw new DomainError('not_found', `用户 ${id} 不存在`);
  return user;
}

export function setDisabled(db: DbOrTx, id: number, disabled: boolean, actor: Actor, at: string) {
  const user = requireUser(db, id);
  if (user.id === actor.id && disabled) throw new DomainError('bad_request', '不能停用自己的账号');
  db.update(users).set({ disabled }).where(eq(users.id, id)).run();
  if (disabled) endUserSessions(db, id);
  recordAudit(db, actor, at, [{ action: 'user.disable', entity: 'user', entityId: user.username, unitCode: user.scopeCode, field: 'disabled', oldValue: String(user.disabled), newValue: String(disabled) }]);
}

export function setRole(db: DbOrTx, id: number, role: Role, scopeCode: string, actor: Actor, at: string) {
  const user = requireUser(db, id);
  checkScope(db, role, scopeCode);
  db.update(users).set({ role, scopeCode }).where(eq(users.id, id)).run();
  endUserSessions(db, id);
  recordAudit(db, actor, at, [{ action: 'user.role', entity: 'user', entityId: user.username, unitCode: scopeCode, field: 'role', oldValue: `${user.role}@${user.scopeCode}`, newValue: `${role}@${scopeCode}` }]);
}

export async function resetPassword(db: DbOrTx, id: number, password: string, actor: Actor, at: string) {
  const user = requireUser(db, id);
  checkPassword(db, user.username, password);
  db.update(users).set({ passwordHash: await hashPassword(password), mustChangePassword: true }).where(eq(users.id, id)).run();
  endUserSessions(db, id);
  recordAudit(db, actor, at, [{ action: 'user.password_reset', entity: 'user', entityId: user.username, unitCode: user.scopeCode, field: 'password' }]);
}

/** A new password ends every other session of the user (a stolen one included); the one changing it stays. */
export async function changeOwnPassword(db: DbOrTx, actor: Actor & { id: number }, oldPassword: string, newPassword: string, at: string, currentToken?: string) {
  const user = requireUser(db, actor.id);
  if (!(await verifyPassword(oldPassword, user.passwordHash))) throw new DomainError('bad_request', '原密码不正确');
  checkPassword(db, user.username, newPassword);
  if (newPassword === oldPassword) throw new DomainError('bad_request', 'newPassword：新密码不能与原密码相同');
  db.update(users).set({ passwordHash: await hashPassword(newPassword), mustChangePassword: false }).where(eq(users.id, actor.id)).run();
  endUserSessions(db, actor.id, currentToken);
  recordAudit(db, actor, at, [{ action: 'user.password_change', entity: 'user', entityId: user.username, unitCode: user.scopeCode, field: 'password' }]);
}
