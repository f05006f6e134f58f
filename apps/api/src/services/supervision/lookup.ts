import { and, eq } from 'drizzle-orm';
import { supervisionVisits } from '@dudao/schema/tables';
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
