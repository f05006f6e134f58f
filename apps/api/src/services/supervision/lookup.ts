import { and, eq } from 'drizzle-orm';
import { supervisionVisits } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { CampaignRef } from '../campaign/ref';

export function visitCounty(db: DbOrTx, campaign: CampaignRef, visitId: number): string | undefined {
  return db.select({ county: supervisionVisits.countyCode }).from(supervisionVisits).where(and(eq(supervisionVisits.campaignCode, campaign.code), eq(supervisionVisits.id, visitId))).get()?.county;
}
