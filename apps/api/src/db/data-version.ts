import { dataVersion } from '@dudao/schema/tables';
import type { DbOrTx } from './client';
import { preparedFor } from './prepared';

const versionQuery = preparedFor((db) => db.select({ version: dataVersion.version }).from(dataVersion).prepare());

/**
 * The database's write counter, bumped by triggers inside every write transaction (migration 0008): equal versions
 * mean equal data for every process on the file, whatever order ids were committed in. Read it before the data a
 * cache holds, so an answer is never filed under a version newer than what it read.
 */
export function readDataVersion(db: DbOrTx): number {
  return versionQuery(db).get()?.version ?? 0;
}
