import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/**
 * One row, bumped by a trigger inside every transaction that writes data a cache is built from: a cache keyed by
 * it is right for every process on the database, whatever order ids commit in.
 */
export const dataVersion = sqliteTable('data_version', {
  version: integer('version').notNull().default(0),
});
