import { firstReportDue, type CountyForecast, type CountyStatus, type StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { provinceStatusAt } from '../known/status-at';
import { forecastsAt } from '../forecast/forecast-at';
import { knownDispatchCounts, type DispatchCount } from './dispatch-hook';
import { knownNarratives, type Narratives } from './narratives';
import { knownSupervision, type KnownSupervision } from './supervision-known';

/**
 * Everything a document says about day `asOf`: the metrics answer for the whole province (ranks are province-wide),
 * the narratives, dispatch orders, urges and supervision known then. Built once, it serves every document of a
 * `report all` run; everything is read here, so the documents are built from it without touching the database.
 */
export interface Snapshot {
  campaign: CampaignDef;
  asOf: string;
  status: StatusResult;
  /** The status when the first reports were due: what 较行动开展初期 compares with (null on or before that day). */
  baseline: StatusResult | null;
  narratives: Narratives;
  /** Dispatch orders and urges of each county known at `asOf` (see dispatch-hook.ts). */
  dispatch: DispatchCount[];
  /** Supervision of each county known at the end of `asOf` (see supervision-known.ts). */
  supervision: Map<string, KnownSupervision>;
  /** Each county's forecast of the gates ahead (see services/forecast); absent in snapshots built by hand. */
  forecasts?: Map<string, CountyForecast>;
}

export async function snapshotAt(ctx: Ctx<'campaign'>, asOf: string): Promise<Snapshot> {
  const { campaign } = ctx;
  // A definition installed before documents took their texts from it has none to write with.
  if (!campaign.documents)
    throw new DomainError(
      'conflict',
      `活动 ${campaign.code} 的已安装版本缺少公文固定文字，请先运行 pnpm cli campaign install campaigns/${campaign.code}.yaml 安装新版本`,
    );
  const status = await provinceStatusAt(ctx, asOf);
  const start = firstReportDue(campaign);
  const baseline = asOf > start ? await provinceStatusAt(ctx, start) : null;
  const narratives = await knownNarratives(ctx, campaign.province, asOf);
  const dispatch = await knownDispatchCounts(ctx, asOf);
  const supervision = await knownSupervision(ctx, campaign.province, asOf);
  const forecasts = await forecastsAt(ctx, asOf);
  return { campaign, asOf, status, baseline, narratives, dispatch, supervision, forecasts };
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
