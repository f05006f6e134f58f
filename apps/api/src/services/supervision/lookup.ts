import { and, eq } from 'drizzle-orm';
import { rectificationEvidence, rectificationItems, supervisionVisits } from '@dudao/schema/tables';
import type { Ctx } from '../context';

export async function visitCounty(ctx: Ctx<'campaign'>, visitId: number): Promise<string | undefined> {
  return (
    await ctx.db
      .select({ county: supervisionVisits.countyCode })
      .from(supervisionVisits)
      .where(and(eq(supervisionVisits.campaignCode, ctx.campaign.code), eq(supervisionVisits.id, visitId)))
      .get()
  )?.county;
}

/** The county an evidence file was filed for, read without its content, for the permission check. */
export async function evidenceCounty(ctx: Ctx<'campaign'>, id: number): Promise<string | undefined> {
  return (
    await ctx.db
      .select({ county: supervisionVisits.countyCode })
      .from(rectificationEvidence)
      .innerJoin(rectificationItems, eq(rectificationEvidence.itemId, rectificationItems.id))
      .innerJoin(supervisionVisits, eq(rectificationItems.visitId, supervisionVisits.id))
      .where(and(eq(supervisionVisits.campaignCode, ctx.campaign.code), eq(rectificationEvidence.id, id)))
      .get()
  )?.county;
}
