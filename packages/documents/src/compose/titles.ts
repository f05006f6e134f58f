import { fillText, type CampaignDef } from '@dudao/schema/campaign';
import { chineseDate, chineseNumber } from './format';
import type { DocumentSettings } from '../settings';
import type { Snapshot } from '../snapshot';

export { cityIssuer, provinceBureau, provinceIssuer } from '@dudao/schema/campaign';

/** A document's fixed text with its placeholders filled for this issuer, scope and day. */
export function documentWords(snapshot: Snapshot, issuer: string, scope: string): (text: string) => string {
  const { campaign, asOf } = snapshot;
  const values = {
    issuer,
    campaign: campaign.name,
    year: campaign.start.slice(0, 4),
    scope,
    date: chineseDate(asOf),
    tasks: chineseNumber(campaign.tasks.length),
  };
  return (text) => fillText(text, values);
}

/** 主送机关 ends with a full-width colon however the definition or the settings wrote it. */
export const recipientText = (name: string) => `${name.replace(/[：:]$/, '')}：`;

/** Four full-width spaces: room to write a name or number by hand. */
const gap = '　　　　';

/** 附注 in the definition's words ('（联系人：{contact}，联系电话：{phone}）'), blanks where the settings leave it open. */
export const contactNote = (campaign: CampaignDef, s: DocumentSettings) =>
  fillText(campaign.documents.contactNote, { contact: s.contactName ?? gap, phone: s.contactPhone ?? `${gap}${gap}` });

/** 印发机关 of the 版记 ('蚌埠市民政局办公室'). */
export const printedBy = (campaign: CampaignDef, issuer: string) => fillText(campaign.documents.printedBy, { issuer });
