import type { CountyStatus, StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import type { DbOrTx } from '../../db/client';
import { DomainError } from '../errors';
import { provinceStatusAt } from '../known/status-at';
import { knownNarratives, type Narratives } from './narratives';

/**
 * Everything a document says about day `asOf`: the metrics answer for the whole province (ranks are province-wide)
 * and the narratives known then. Built once, it serves every document of a `report all` run.
 */
export interface Snapshot {
  db: DbOrTx;
  campaign: CampaignDef;
  asOf: string;
  status: StatusResult;
  narratives: Narratives;
}

export function snapshotAt(db: DbOrTx, campaign: CampaignDef, asOf: string): Snapshot {
  // A definition installed before documents took their texts from it has none to write with.
  if (!campaign.documents) throw new DomainError('conflict', `活动 ${campaign.code} 的已安装版本缺少公文固定文字（documents），请先运行 pnpm cli campaign install campaigns/${campaign.code}.yaml 安装新版本`);
  const status = provinceStatusAt(db, campaign, asOf);
  return { db, campaign, asOf, status, narratives: knownNarratives(db, campaign, campaign.province, asOf) };
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
