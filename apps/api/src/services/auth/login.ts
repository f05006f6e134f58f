import { eq } from 'drizzle-orm';
import { users } from '@dudao/schema/tables';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { clockNow } from '../clock/clock';
import { stampedWrite, type Ctx } from '../context';
import { DomainError } from '../errors';
import { verifyPassword } from '../users/password';
import { createSession, endSession, sessionUser, type SessionUser } from './sessions';
import { recordAttempt, throttleFor } from './throttle';

// Verified against when the username is unknown, so both paths cost the same scrypt.
const decoyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class LoginThrottled extends DomainError {
  constructor(
    message: string,
    readonly waitSeconds: number,
  ) {
    super('too_many_requests', message);
  }
}

const stranger = (username: string): Actor => ({
  id: null,
  label: `未登录用户（${username.slice(0, 64)}）`,
  role: 'county_clerk',
  scopeCode: '',
});

/** Signs in, or refuses: throttled attempts never reach the password check, so waiting cannot be skipped by guessing. */
export async function login(
  ctx: Ctx,
  username: string,
  password: string,
  address: string,
  now: Date,
  given?: string,
): Promise<{ token: string; user: SessionUser }> {
  // Sessions and throttles run on the wall clock (`now`); the audit trail, like every record, on the campaign clock.
  const stampedAt = given ?? (await clockNow(ctx)).toISOString();
  const row = await ctx.db.select().from(users).where(eq(users.username, username)).get();
  const actor = row
    ? { id: row.id, label: row.displayName, role: row.role, scopeCode: row.scopeCode }
    : stranger(username);
  const audit = (action: string, newValue: string | null = null) =>
    recordAudit({ ...ctx, actor }, stampedAt, [
      {
        action,
        entity: 'user',
        entityId: row?.id ?? username.slice(0, 64),
        unitCode: row?.scopeCode ?? null,
        field: 'login',
        newValue,
        address,
      },
    ]);
  const throttle = await throttleFor(ctx, username, address, now);
  if (throttle) {
    await audit('auth.throttle', `${throttle.kind === 'address' ? '来源地址' : '账号'}限速 ${throttle.waitSeconds} 秒`);
    const message =
      throttle.kind === 'address'
        ? `该电脑登录失败次数过多，请 ${throttle.waitSeconds} 秒后再试`
        : `该账号近期有来自多处的错误登录尝试，新设备须放慢登录：请 ${throttle.waitSeconds} 秒后再试（在曾成功登录过的电脑上不受影响）`;
    throw new LoginThrottled(message, throttle.waitSeconds);
  }
  const ok = await verifyPassword(password, row?.passwordHash ?? decoyHash);
  if (!row || !ok || row.disabled) {
    await recordAttempt(ctx, username, address, false, now);
    await audit('auth.failure', !row ? '用户名不存在' : !ok ? '密码错误' : '账号已停用');
    throw new DomainError('unauthorized', row?.disabled && ok ? '该账号已停用' : '用户名或密码错误');
  }
  await recordAttempt(ctx, username, address, true, now);
  const token = await createSession(ctx, row.id, now);
  const user = (await sessionUser(ctx, token, now))!;
  await audit('auth.login');
  return { token, user };
}

/** Ends a session; a signed-in user's logout is audited. */
export async function logout(ctx: Ctx, token: string, address: string): Promise<void> {
  const user = await sessionUser(ctx, token, new Date());
  await stampedWrite(ctx, { at: undefined, locks: [] }, async (ctx, at) => {
    await endSession(ctx, token);
    if (user)
      await recordAudit({ ...ctx, actor: user }, at, [
        {
          action: 'auth.logout',
          entity: 'user',
          entityId: user.id,
          unitCode: user.scopeCode,
          field: 'login',
          address,
        },
      ]);
  });
}
