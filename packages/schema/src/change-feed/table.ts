import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What each write that feeds a figure changed, appended by triggers on the figure tables (SQLite migration
 * 0009, PostgreSQL 0005): the campaign ('*' for all), the first as-of day it can change, and the counties (or the
 * city, for a city summary) it names, comma-separated, '*' for all. Each API process reads the rows after the last it
 * has seen and drops only the cached answers they name (docs/ENGINES.md "Change feed").
 */
export const changeFeed = sqliteTable('change_feed', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignCode: text('campaign_code').notNull(),
  fromDay: text('from_day').notNull(),
  counties: text('counties').notNull(),
  recordedAt: text('recorded_at').notNull(),
});
