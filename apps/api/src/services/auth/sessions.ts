import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { orgUnits, sessions, users } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import type { Actor } from '../actor';

const SESSION_HOURS = 12;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionUser extends Actor {
  id: number;
  username: string;
  displayName: string;
  scopeName: string;
}

export function createSession(db: DbOrTx, userId: number, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString() }).run();
  return token;
}

const sessionQuery = preparedFor((db) =>
  db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, scopeCode: users.scopeCode, scopeName: orgUnits.name, disabled: users.disabled })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .innerJoin(orgUnits, eq(users.scopeCode, orgUnits.code))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare(),
);

export function sessionUser(db: DbOrTx, token: string | undefined, now: Date): SessionUser | null {
  if (!token) return null;
  const row = sessionQuery(db).get({ tokenHash: hashToken(token), now: now.toISOString() });
  if (!row || row.disabled) return null;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, scopeCode: row.scopeCode, scopeName: row.scopeName, label: row.displayName };
}

export function endSession(db: DbOrTx, token: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run();
}

export function endUserSessions(db: DbOrTx, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
