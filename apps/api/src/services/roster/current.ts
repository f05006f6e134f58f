import { and, asc, desc, eq, lt } from 'drizzle-orm';
import { rosterRows, rosterUploads } from '@dudao/schema/tables';
import type { Ctx } from '../context';

/** The newest roster upload recorded before `before` (an instant), or the newest of all. */
export async function currentRoster(ctx: Ctx<'campaign'>, countyCode: string, before?: string) {
  const { db, campaign } = ctx;
  const mine = and(eq(rosterUploads.campaignCode, campaign.code), eq(rosterUploads.countyCode, countyCode));
  const where = before ? and(mine, lt(rosterUploads.uploadedAt, before)) : mine;
  const upload = await db
    .select()
    .from(rosterUploads)
    .where(where)
    .orderBy(desc(rosterUploads.uploadedAt), desc(rosterUploads.id))
    .get();
  if (!upload) return null;
  const rows = await db
    .select()
    .from(rosterRows)
    .where(eq(rosterRows.uploadId, upload.id))
    .orderBy(asc(rosterRows.villageCode))
    .all();
  return { upload, rows };
}
