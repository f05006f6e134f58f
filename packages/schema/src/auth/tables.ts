import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';

export const roles = ['province_admin', 'province_viewer', 'city_officer', 'county_clerk'] as const;
export type Role = (typeof roles)[number];

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: roles }).notNull(),
  scopeCode: text('scope_code')
    .notNull()
    .references(() => orgUnits.code),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  /** Set when someone else chose the password (initial admin, an admin's create or reset): changed at next login. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** A published demo account: only a demo database may hold the demo password. */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
});
export type User = typeof users.$inferSelect;

export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    lastSeenAt: text('last_seen_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Every login attempt with its source address: throttling reads it, so it holds across restarts and processes. */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    username: text('username').notNull(),
    address: text('address').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    index('login_attempts_address_idx').on(t.address, t.at),
    index('login_attempts_username_idx').on(t.username, t.at),
  ],
);
