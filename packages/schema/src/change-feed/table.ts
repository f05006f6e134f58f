import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What each write that feeds a figure or an overview's answer changed, appended by triggers on those tables (SQLite
 * migrations 0009 and 0011, PostgreSQL 0005 and 0007): the campaign ('*' for all), the first as-of day it can
 * change, and the counties (or the city, for a city summary or an urge on one) it names, comma-separated, '*' for
 * all. Each API process reads the rows after the last it has seen and drops only the cached answers they name
 * (docs/ENGINES.md "Change feed").
 */
export const changeFeed = sqliteTable('change_feed', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignCode: text('campaign_code').notNull(),
  fromDay: text('from_day').notNull(),
  counties: text('counties').notNull(),
  /**
   * 'figures': a figure table's write (status, forecasts and the overview's answers follow it); 'records': a record
   * that feeds no figure (report workflow, dispatch, urges, rectification), followed by the overview's answers only.
   */
  kind: text('kind', { enum: ['figures', 'records'] })
    .notNull()
    .default('figures'),
  recordedAt: text('recorded_at').notNull(),
});
