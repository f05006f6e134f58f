import type { CampaignDef } from '@dudao/schema/campaign';
import { DomainError } from '../errors';

/** A campaign date (a visit, an inspection) lies inside the campaign's window; a due date may run up to a year past its end. */
export function requireCampaignDate(
  campaign: CampaignDef,
  field: string,
  date: string,
  kind: 'within' | 'due' = 'within',
): void {
  const last = kind === 'due' ? `${Number(campaign.end.slice(0, 4)) + 1}${campaign.end.slice(4)}` : campaign.end;
  if (date < campaign.start || date > last)
    throw new DomainError('bad_request', `${field}：${date} 不在活动期间 ${campaign.start} 至 ${last} 内`);
}
