import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/tables';

export const channelKinds = ['dingtalk', 'wecom', 'email', 'sms'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/**
 * A unit's channel (its DingTalk or WeCom group robot, its SMTP account, its SMS gateway), one per kind.
 * `config` holds what may be shown (JSON text); `secret` is AES-256-GCM ciphertext and is never read back out.
 */
export const notifyChannels = sqliteTable(
  'notify_channels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitCode: text('unit_code').notNull(),
    kind: text('kind', { enum: channelKinds }).notNull(),
    config: text('config').notNull(),
    secret: text('secret'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [uniqueIndex('notify_channels_unit_kind').on(t.unitCode, t.kind)],
);

/** A user's addresses and, per kind of notice, the channels that reach them (JSON text: `{ "urge": ["sms"] }`). */
export const notifyPrefs = sqliteTable('notify_prefs', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  email: text('email'),
  phone: text('phone'),
  choices: text('choices').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const outboxStates = ['pending', 'sent', 'dead', 'skipped'] as const;
export type OutboxState = (typeof outboxStates)[number];

/**
 * One message to one receiver over one channel, written in the transaction of the event that causes it.
 * `dedupeKey` makes a scheduled reminder evaluated by two processes one row; `claimedBy`/`claimedUntil` lease it
 * to one worker; `inflightAt` marks a send begun and not yet recorded (a crash there resends under the same key).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: text('campaign_code').notNull(),
    kind: text('kind').notNull(),
    channelId: integer('channel_id').notNull(),
    address: text('address'),
    dedupeKey: text('dedupe_key').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    payload: text('payload').notNull(),
    condition: text('condition'),
    state: text('state', { enum: outboxStates }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAt: text('next_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: text('claimed_until'),
    inflightAt: text('inflight_at'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [uniqueIndex('outbox_dedupe').on(t.dedupeKey), index('outbox_due_idx').on(t.state, t.nextAt)],
);

/** Every delivery attempt, kept: when, how it ended, what the receiver answered. */
export const outboxAttempts = sqliteTable(
  'outbox_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id').notNull(),
    at: text('at').notNull(),
    worker: text('worker').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    error: text('error'),
  },
  (t) => [index('outbox_attempts_message_idx').on(t.messageId)],
);

/** How far each campaign's scheduled reminders have been evaluated, in campaign-clock time. */
export const notifySchedule = sqliteTable('notify_schedule', {
  campaignCode: text('campaign_code').primaryKey(),
  evaluatedThrough: text('evaluated_through').notNull(),
});
