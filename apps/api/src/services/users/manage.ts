import { eq } from 'drizzle-orm';
import { users, type Role } from '@dudao/schema/tables';
import { recordAudit } from '../audit/record';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { endUserSessions } from '../auth/sessions';
import { DomainError } from '../errors';
import { checkScope } from './accounts';
import { hashPassword, verifyPassword } from './password';
import { checkPassword } from './password-policy';

async function requireUser(ctx: Ctx, id: number) {
  const user = await ctx.db.select().from(users).where(eq(users.id, id)).get();
  if (!user) throw new DomainError('not_found', `用户 ${id} 不存在`);
  return user;
}

export async function setDisabled(ctx: Ctx<'actor'>, id: number, disabled: boolean, given?: string) {
  return stampedWrite(ctx, { at: given, locks: [lockOn.user(id)] }, async (ctx, at) => {
    const user = await requireUser(ctx, id);
    if (user.id === ctx.actor.id && disabled) throw new DomainError('bad_request', '不能停用自己的账号');
    await ctx.db.update(users).set({ disabled }).where(eq(users.id, id)).run();
    if (disabled) await endUserSessions(ctx, id);
    await recordAudit(ctx, at, [
      {
        action: 'user.disable',
        entity: 'user',
        entityId: user.username,
        unitCode: user.scopeCode,
        field: 'disabled',
        oldValue: String(user.disabled),
        newValue: String(disabled),
      },
    ]);
  });
}

export async function setRole(ctx: Ctx<'actor'>, id: number, role: Role, scopeCode: string, given?: string) {
  return stampedWrite(ctx, { at: given, locks: [lockOn.user(id)] }, async (ctx, at) => {
    const user = await requireUser(ctx, id);
    await checkScope(ctx, role, scopeCode);
    await ctx.db.update(users).set({ role, scopeCode }).where(eq(users.id, id)).run();
    await endUserSessions(ctx, id);
    await recordAudit(ctx, at, [
      {
        action: 'user.role',
        entity: 'user',
        entityId: user.username,
        unitCode: scopeCode,
        field: 'role',
        oldValue: `${user.role}@${user.scopeCode}`,
        newValue: `${role}@${scopeCode}`,
      },
    ]);
  });
}

export async function resetPassword(ctx: Ctx<'actor'>, id: number, password: string, given?: string) {
  const user = await requireUser(ctx, id);
  await checkPassword(ctx, user.username, password);
  // Hashing is slow on purpose: done before the transaction, so no lock is held while it runs.
  const passwordHash = await hashPassword(password);
  await stampedWrite(ctx, { at: given, locks: [lockOn.user(id)] }, async (ctx, at) => {
    await requireUser(ctx, id);
    await ctx.db.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id)).run();
    await endUserSessions(ctx, id);
    await recordAudit(ctx, at, [
      {
        action: 'user.password_reset',
        entity: 'user',
        entityId: user.username,
        unitCode: user.scopeCode,
        field: 'password',
      },
    ]);
  });
}

/** A new password ends every other session of the user (a stolen one included); the one changing it stays. */
export async function changeOwnPassword(
  ctx: Ctx<'actor'>,
  input: { oldPassword: string; newPassword: string },
  currentToken?: string,
  given?: string,
) {
  const { actor } = ctx;
  const { oldPassword, newPassword } = input;
  // The actor is the signed-in user (a session always has an id); the system actor has no password to change.
  if (actor.id === null) throw new DomainError('bad_request', '只有登录的用户可以修改自己的密码');
  const userId = actor.id;
  const first = await requireUser(ctx, userId);
  if (!(await verifyPassword(oldPassword, first.passwordHash))) throw new DomainError('bad_request', '原密码不正确');
  await checkPassword(ctx, first.username, newPassword, '新密码');
  if (newPassword === oldPassword) throw new DomainError('bad_request', '新密码：不能与原密码相同');
  const passwordHash = await hashPassword(newPassword);
  await stampedWrite(ctx, { at: given, locks: [lockOn.user(userId)] }, async (ctx, at) => {
    // Judged again under the lock: of two changes sent at once, the second finds the old password already replaced.
    const user = await requireUser(ctx, userId);
    if (user.passwordHash !== first.passwordHash) throw new DomainError('bad_request', '原密码不正确');
    await ctx.db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId)).run();
    await endUserSessions(ctx, userId, currentToken);
    await recordAudit(ctx, at, [
      {
        action: 'user.password_change',
        entity: 'user',
        entityId: user.username,
        unitCode: user.scopeCode,
        field: 'password',
      },
    ]);
  });
}
