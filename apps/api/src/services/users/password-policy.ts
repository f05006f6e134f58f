import { eq } from 'drizzle-orm';
import { users } from '@dudao/schema/tables';
import { passwordProblem } from '@dudao/schema/inputs';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { demoPassword } from './demo-accounts';

/** A demo database is one seeded with the published demo accounts; only there may the demo password be used. */
export async function isDemoDatabase(ctx: Ctx): Promise<boolean> {
  return (await ctx.db.select({ id: users.id }).from(users).where(eq(users.demo, true)).limit(1).get()) !== undefined;
}

/**
 * DOMAIN's policy: length and character classes (shared with the forms), not the username, not the demo password.
 * A refusal names the field as its form does: 密码 where an account is made or reset, 新密码 where a user changes theirs.
 */
export async function checkPassword(
  ctx: Ctx | null,
  username: string,
  password: string,
  field: '密码' | '新密码' = '密码',
): Promise<void> {
  const problem =
    passwordProblem(password) ??
    (password.toLowerCase() === username.toLowerCase() ? '不能与用户名相同' : null) ??
    (password === demoPassword && !(ctx && (await isDemoDatabase(ctx))) ? '不能使用公开的演示密码' : null);
  if (problem) throw new DomainError('bad_request', `${field}：${problem}`);
}
