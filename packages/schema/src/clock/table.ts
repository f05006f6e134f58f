import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const clockModes = ['real', 'running', 'frozen'] as const;
export type ClockMode = (typeof clockModes)[number];

/**
 * The campaign clock's settings, append-only: the newest row is the clock.
 * `running` starts at `campaignAt` and advances with the wall clock from `setAt`; `frozen` stays at `campaignAt` (tests).
 */
export const clockSettings = sqliteTable('clock_settings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  mode: text('mode', { enum: clockModes }).notNull(),
  campaignAt: text('campaign_at'),
  setAt: text('set_at').notNull(),
  setBy: text('set_by').notNull(),
});
