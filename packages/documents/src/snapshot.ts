import type { CountyDispatch, CountyForecast, CountyStatus, ItemCounts, StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';

/** county code → task code → the county's own words on that task, its sentences about one month left out. */
export type Narratives = Map<string, Record<string, string>>;

/** Dispatch orders (督办单) of one county known at the date: issued, still open, and how often it was urged. */
export type DispatchCount = CountyDispatch;

export interface KnownSupervision extends ItemCounts {
  /** The first visit on or before asOf that was recorded by then. */
  firstVisitOn: string;
  byLevel: 'city' | 'province';
}

/**
 * Everything a document says about day `asOf`: the metrics answer for the whole province (ranks are province-wide),
 * the narratives, dispatch orders, urges and supervision known then. The API reads it once (it serves every document
 * of a `report all` run); the documents are built from it without touching the database.
 */
export interface Snapshot {
  campaign: CampaignDef;
  asOf: string;
  status: StatusResult;
  /** The status when the first reports were due: what 较行动开展初期 compares with (null on or before that day). */
  baseline: StatusResult | null;
  narratives: Narratives;
  /** Dispatch orders and urges of each county known at `asOf`. */
  dispatch: DispatchCount[];
  /** Supervision of each county known at the end of `asOf`. */
  supervision: Map<string, KnownSupervision>;
  /** Each county's forecast of the gates ahead; absent in snapshots built by hand. */
  forecasts?: Map<string, CountyForecast>;
}

export function cityName(snapshot: Snapshot, cityCode: string): string {
  return snapshot.status.cities.find((c) => c.code === cityCode)?.name ?? cityCode;
}

/** '蚌埠市五河县' for a province-wide list ('蚌埠市经济开发区' already says its city); a city's own documents name the county alone. */
export function fullName(snapshot: Snapshot, county: CountyStatus): string {
  const city = cityName(snapshot, county.cityCode);
  return county.name.startsWith(city) ? county.name : `${city}${county.name}`;
}

export const byRankInProvince = (a: CountyStatus, b: CountyStatus) => a.rankInProvince - b.rankInProvince;
