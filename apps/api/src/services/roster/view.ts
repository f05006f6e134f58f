import { rosterFigures, rosterVillageView } from '@dudao/metrics';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import type { Ctx } from '../context';
import { villagesOf } from '../org/units';
import { currentRoster } from './current';

/** The county's roster as known at the end of `asOf` (or now), with the figures metrics derives from it. */
export async function rosterView(ctx: Ctx<'campaign'>, countyCode: string, asOf?: string) {
  const { campaign } = ctx;
  const roster = await currentRoster(ctx, countyCode, asOf ? endOfBeijingDay(asOf) : undefined);
  const orgVillages = (await villagesOf(ctx, countyCode)).length;
  if (!roster) return { upload: null, villages: orgVillages, figures: null, rows: [] };
  const villages = roster.rows.map(({ uploadId: _u, ...v }) => v);
  return {
    upload: {
      id: roster.upload.id,
      uploadedAt: roster.upload.uploadedAt,
      actor: roster.upload.actor,
      fileName: roster.upload.fileName,
      rowCount: roster.upload.rowCount,
    },
    villages: orgVillages,
    figures: rosterFigures(villages, orgVillages, campaign),
    rows: rosterVillageView(villages, campaign.thresholds),
  };
}
