import { and, count, countDistinct, desc, eq, gt, sql } from 'drizzle-orm';
import { loginAttempts } from '@dudao/schema/tables';
import type { Ctx } from '../context';

const WINDOW_MS = 15 * 60_000;
export const ADDRESS_FREE_FAILURES = 5;
const ADDRESS_BASE_DELAY_MS = 15_000;
const ADDRESS_MAX_DELAY_MS = 15 * 60_000;
/** A username is under attack when this many failures come from at least this many addresses within the window. */
const ATTACK_FAILURES = 10;
const ATTACK_ADDRESSES = 3;
const SLOW_PATH_MS = 30_000;
/** An address that signed this user in successfully this recently is "known" and never slowed by attacks on the name. */
const KNOWN_ADDRESS_MS = 90 * 24 * 3_600_000;

export type Throttle = { kind: 'address' | 'username'; waitSeconds: number } | null;

const iso = (ms: number) => new Date(ms).toISOString();

async function lastSuccess(ctx: Ctx, where: ReturnType<typeof and>): Promise<string | null> {
  return (
    (
      await ctx.db
        .select({ at: loginAttempts.at })
        .from(loginAttempts)
        .where(and(where, eq(loginAttempts.ok, true)))
        .orderBy(desc(loginAttempts.at))
        .limit(1)
        .get()
    )?.at ?? null
  );
}

/** Failures from one address since its last success in the window; 5 are free, then each waits twice as long. */
async function addressWait(ctx: Ctx, address: string, now: number): Promise<number> {
  const since = [iso(now - WINDOW_MS), (await lastSuccess(ctx, eq(loginAttempts.address, address))) ?? '']
    .sort()
    .at(-1)!;
  const failures = await ctx.db
    .select({ n: count(), last: sql<string | null>`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.address, address), eq(loginAttempts.ok, false), gt(loginAttempts.at, since)))
    .get();
  const n = failures?.n ?? 0;
  if (n < ADDRESS_FREE_FAILURES || !failures?.last) return 0;
  const delay = Math.min(ADDRESS_BASE_DELAY_MS * 2 ** (n - ADDRESS_FREE_FAILURES), ADDRESS_MAX_DELAY_MS);
  return Math.max(0, Date.parse(failures.last) + delay - now);
}

/** A username attacked from many addresses lets a stranger's address try once per SLOW_PATH_MS; a known address passes. */
async function usernameWait(ctx: Ctx, username: string, address: string, now: number): Promise<number> {
  const known = await lastSuccess(ctx, and(eq(loginAttempts.username, username), eq(loginAttempts.address, address)));
  if (known && known > iso(now - KNOWN_ADDRESS_MS)) return 0;
  const recent = await ctx.db
    .select({
      n: count(),
      addresses: countDistinct(loginAttempts.address),
      last: sql<string | null>`max(${loginAttempts.at})`,
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.ok, false),
        gt(loginAttempts.at, iso(now - WINDOW_MS)),
      ),
    )
    .get();
  if (!recent?.last || recent.n < ATTACK_FAILURES || recent.addresses < ATTACK_ADDRESSES) return 0;
  return Math.max(0, Date.parse(recent.last) + SLOW_PATH_MS - now);
}

/** Whether this attempt must wait, read from the database so it holds across restarts and API processes. */
export async function throttleFor(ctx: Ctx, username: string, address: string, now: Date): Promise<Throttle> {
  const t = now.getTime();
  const byAddress = await addressWait(ctx, address, t);
  if (byAddress > 0) return { kind: 'address', waitSeconds: Math.ceil(byAddress / 1000) };
  const byName = await usernameWait(ctx, username, address, t);
  if (byName > 0) return { kind: 'username', waitSeconds: Math.ceil(byName / 1000) };
  return null;
}

export async function recordAttempt(
  ctx: Ctx,
  username: string,
  address: string,
  ok: boolean,
  now: Date,
): Promise<void> {
  await ctx.db
    .insert(loginAttempts)
    .values({ at: now.toISOString(), username: username.slice(0, 64), address, ok })
    .run();
}
