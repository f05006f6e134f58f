import { dataVersion } from '@dudao/schema/tables';
import type { Db } from './engine';
import { preparedFor } from './prepared';

const versionQuery = preparedFor((db) => db.select({ version: dataVersion.version }).from(dataVersion).prepare());

/**
 * The database's write counter, bumped by triggers inside every write transaction (SQLite migration 0008,
 * PostgreSQL 0003): equal versions mean equal data for every process on the database, whatever order ids were
 * committed in. Read it before the data a cache holds, so an answer is never filed under a version newer than what
 * it read.
 */
export async function readDataVersion(db: Db): Promise<number> {
  return (await versionQuery(db).get())?.version ?? 0;
}
