import { eq } from 'drizzle-orm';
import { users } from '@dudao/schema/tables';
import { passwordProblem } from '@dudao/schema/inputs';
import type { DbOrTx } from '../../db/client';
import { DomainError } from '../errors';
import { demoPassword } from './demo-accounts';

/** A demo database is one seeded with the published demo accounts; only there may the demo password be used. */
export function isDemoDatabase(db: DbOrTx): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.demo, true)).limit(1).get() !== undefined;
}

/** DOMAIN's policy: length and character classes (shared with the forms), not the username, not the demo password. */
export function checkPassword(db: DbOrTx | null, username: string, password: string): void {
  const problem = passwordProblem(password) ?? (password.toLowerCase() === username.toLowerCase() ? '密码不能与用户名相同' : null) ?? (password === demoPassword && !(db && isDemoDatabase(db)) ? '不能使用公开的演示密码' : null);
  if (problem) throw new DomainError('bad_request', `password：${problem}`);
}
