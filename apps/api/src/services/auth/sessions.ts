import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import { orgUnits, sessions, users } from '@dudao/schema/tables';
import { isBusy } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import type { Actor } from '../actor';
import type { Ctx } from '../context';

const SESSION_HOURS = 12;
export const IDLE_MINUTES = 30;
/** lastSeenAt is refreshed at most this often, so a burst of requests costs one write, not one each. */
const TOUCH_EVERY_MS = 60_000;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionUser extends Actor {
  id: number;
  username: string;
  displayName: string;
  scopeName: string;
  /** The password was set by someone else: nothing but changing it is allowed until then. */
  mustChangePassword: boolean;
}

export async function createSession(ctx: Ctx, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await ctx.db
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .run();
  return token;
}

const sessionQuery = preparedFor((db) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      scopeCode: users.scopeCode,
      scopeName: orgUnits.name,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: sql<string>`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`,
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .innerJoin(orgUnits, eq(users.scopeCode, orgUnits.code))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare(),
);

/** The signed-in user of a token, or null once it expired, sat idle 30 minutes, or its user was disabled. */
export async function sessionUser(ctx: Ctx, token: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const row = await sessionQuery(ctx.db).get({ tokenHash, now: now.toISOString() });
  if (!row || row.disabled) return null;
  const idleMs = now.getTime() - Date.parse(row.lastSeenAt);
  if (idleMs > IDLE_MINUTES * 60_000) {
    await endSession(ctx, token);
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await touch(ctx, tokenHash, now);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scopeCode: row.scopeCode,
    scopeName: row.scopeName,
    label: row.displayName,
    mustChangePassword: row.mustChangePassword,
  };
}

async function touch(ctx: Ctx, tokenHash: string, now: Date): Promise<void> {
  try {
    await ctx.db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, tokenHash)).run();
  } catch (e) {
    // A writer holding the database only delays the refresh; the next request tries again.
    if (!isBusy(e)) throw e;
  }
}

export async function endSession(ctx: Ctx, token: string): Promise<number | null> {
  const row = await ctx.db
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .returning({ userId: sessions.userId })
    .get();
  return row?.userId ?? null;
}

/** Ends every session of the user, or every one but the session the user is working in. */
export async function endUserSessions(ctx: Ctx, userId: number, keepToken?: string): Promise<void> {
  const keep = keepToken ? ne(sessions.tokenHash, hashToken(keepToken)) : undefined;
  await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep))
    .run();
}

/** Expired and idle sessions are dropped now and then, so the table holds only live ones. */
export async function pruneSessions(ctx: Ctx, now: Date): Promise<void> {
  await ctx.db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, now.toISOString()),
        lt(
          sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`,
          new Date(now.getTime() - IDLE_MINUTES * 60_000).toISOString(),
        ),
      ),
    )
    .run();
}
