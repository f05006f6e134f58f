import { and, asc, desc, eq, lt } from 'drizzle-orm';
import { rosterRows, rosterUploads } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';

/** The newest roster upload recorded before `before` (an instant), or the newest of all. */
export function currentRoster(db: DbOrTx, countyCode: string, before?: string) {
  const where = before ? and(eq(rosterUploads.countyCode, countyCode), lt(rosterUploads.uploadedAt, before)) : eq(rosterUploads.countyCode, countyCode);
  const upload = db.select().from(rosterUploads).where(where).orderBy(desc(rosterUploads.uploadedAt), desc(rosterUploads.id)).get();
  if (!upload) return null;
  const rows = db.select().from(rosterRows).where(eq(rosterRows.uploadId, upload.id)).orderBy(asc(rosterRows.villageCode)).all();
  return { upload, rows };
}
