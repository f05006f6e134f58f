import { computeStatus, type StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import type { DbOrTx } from '../../db/client';
import { readKnownAt, supervisionStart } from './read';

/**
 * The metrics answer for the whole campaign province at the end of `asOf`.
 * Rankings are province-wide, so a narrower scope is cut from this answer, never computed alone.
 */
export function provinceStatusAt(db: DbOrTx, campaign: CampaignDef, asOf: string): StatusResult {
  const scope = campaign.province;
  const start = supervisionStart(campaign);
  let lagging: Map<string, boolean> | null = null;
  if (asOf >= start) {
    const atStart = computeStatus(readKnownAt(db, campaign, scope, start, null));
    lagging = new Map(atStart.counties.map((c) => [c.code, c.lagging]));
  }
  return computeStatus(readKnownAt(db, campaign, scope, asOf, lagging));
}

/** Keeps only the cities and counties inside `unit`; the province block is kept only for the province itself. */
export function cutToUnit(result: StatusResult, unit: string): StatusResult {
  if (unit === result.province.code) return result;
  return {
    ...result,
    cities: result.cities.filter((c) => c.code === unit.slice(0, 4)),
    counties: result.counties.filter((c) => c.code.startsWith(unit)),
  };
}
