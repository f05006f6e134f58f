import { rosterFigures, rosterVillageView } from '@dudao/metrics';
import { endOfBeijingDay, type CampaignDef } from '@dudao/schema/campaign';
import type { DbOrTx } from '../../db/client';
import { villagesOf } from '../org/units';
import { currentRoster } from './current';

/** The county's roster as known at the end of `asOf` (or now), with the figures metrics derives from it. */
export function rosterView(db: DbOrTx, campaign: CampaignDef, countyCode: string, asOf?: string) {
  const roster = currentRoster(db, campaign, countyCode, asOf ? endOfBeijingDay(asOf) : undefined);
  const orgVillages = villagesOf(db, countyCode).length;
  if (!roster) return { upload: null, villages: orgVillages, figures: null, rows: [] };
  const villages = roster.rows.map(({ uploadId: _u, ...v }) => v);
  return {
    upload: { id: roster.upload.id, uploadedAt: roster.upload.uploadedAt, actor: roster.upload.actor, fileName: roster.upload.fileName, rowCount: roster.upload.rowCount },
    villages: orgVillages,
    figures: rosterFigures(villages, orgVillages, campaign),
    rows: rosterVillageView(villages, campaign.thresholds),
  };
}
