import { eq } from 'drizzle-orm';
import { users } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { verifyPassword } from '../users/password';
import type { LoginLockout } from './lockout';
import { createSession, sessionUser, type SessionUser } from './sessions';

// Verified against when the username is unknown, so both paths cost the same scrypt.
const decoyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function login(db: DbOrTx, lockout: LoginLockout, username: string, password: string, now: Date, stampedAt: string = now.toISOString()): Promise<{ token: string; user: SessionUser }> {
  if (lockout.isLocked(username, now.getTime())) throw new DomainError('forbidden', '登录失败次数过多，该账号已锁定 1 分钟，请稍后再试');
  const row = db.select().from(users).where(eq(users.username, username)).get();
  const ok = await verifyPassword(password, row?.passwordHash ?? decoyHash);
  if (!row || !ok || row.disabled) {
    lockout.fail(username, now.getTime());
    throw new DomainError('bad_request', row?.disabled && ok ? '该账号已停用' : '用户名或密码错误');
  }
  lockout.succeed(username);
  const token = createSession(db, row.id, now);
  const user = sessionUser(db, token, now)!;
  // The session runs on wall time; the audit entry, like every write, on the campaign clock.
  recordAudit(db, user, stampedAt, [{ action: 'auth.login', entity: 'user', entityId: row.id, unitCode: row.scopeCode }]);
  return { token, user };
}
