import { max } from 'drizzle-orm';
import { computeStatus, type StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import { caseUploads, reportSubmissions, rosterUploads } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import { readKnownAt, supervisionStart } from './read';

/**
 * Lagging depends only on submissions, rosters and case logs, which are append-only: their highest ids name
 * the data exactly, so the supervision-start answer can be reused until one of them grows.
 */
const laggingAtStart = new WeakMap<CampaignDef, { key: string; lagging: Map<string, boolean> }>();

function dataVersion(db: DbOrTx): string {
  const top = (id: typeof reportSubmissions.id | typeof rosterUploads.id | typeof caseUploads.id, table: typeof reportSubmissions | typeof rosterUploads | typeof caseUploads) =>
    db.select({ id: max(id) }).from(table).get()?.id ?? 0;
  return `${top(reportSubmissions.id, reportSubmissions)}/${top(rosterUploads.id, rosterUploads)}/${top(caseUploads.id, caseUploads)}`;
}

function laggingOnSupervisionStart(db: DbOrTx, campaign: CampaignDef, scope: string): Map<string, boolean> {
  const key = `${scope}|${dataVersion(db)}`;
  const cached = laggingAtStart.get(campaign);
  if (cached?.key === key) return cached.lagging;
  const atStart = computeStatus(readKnownAt(db, campaign, scope, supervisionStart(campaign), null));
  const lagging = new Map(atStart.counties.map((c) => [c.code, c.lagging]));
  laggingAtStart.set(campaign, { key, lagging });
  return lagging;
}

/**
 * The metrics answer for the whole campaign province at the end of `asOf`.
 * Rankings are province-wide, so a narrower scope is cut from this answer, never computed alone.
 */
export function provinceStatusAt(db: DbOrTx, campaign: CampaignDef, asOf: string): StatusResult {
  const scope = campaign.province;
  const lagging = asOf >= supervisionStart(campaign) ? laggingOnSupervisionStart(db, campaign, scope) : null;
  return computeStatus(readKnownAt(db, campaign, scope, asOf, lagging));
}

export type ScopedStatus = Omit<StatusResult, 'province'> & { province: StatusResult['province'] | null };

/**
 * Cuts the province answer to `unit`: its counties, the cities inside it, and the province block only for the
 * province itself, so nobody reads figures of units outside their scope.
 */
export function cutToUnit(result: StatusResult, unit: string): ScopedStatus {
  if (unit === result.province.code) return result;
  return {
    ...result,
    province: null,
    cities: result.cities.filter((c) => c.code.startsWith(unit)),
    counties: result.counties.filter((c) => c.code.startsWith(unit)),
  };
}
