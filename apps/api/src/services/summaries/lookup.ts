import { and, eq } from 'drizzle-orm';
import { generatedReports } from '@dudao/schema/tables';
import type { Ctx } from '../context';

export async function documentUnit(ctx: Ctx<'campaign'>, id: number): Promise<string | undefined> {
  return (
    await ctx.db
      .select({ unit: generatedReports.unitCode })
      .from(generatedReports)
      .where(and(eq(generatedReports.campaignCode, ctx.campaign.code), eq(generatedReports.id, id)))
      .get()
  )?.unit;
}
