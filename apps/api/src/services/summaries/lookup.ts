import { and, eq } from 'drizzle-orm';
import { generatedReports } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { CampaignRef } from '../campaign/ref';

export function documentUnit(db: DbOrTx, campaign: CampaignRef, id: number): string | undefined {
  return db.select({ unit: generatedReports.unitCode }).from(generatedReports).where(and(eq(generatedReports.campaignCode, campaign.code), eq(generatedReports.id, id))).get()?.unit;
}
