import type { CampaignDef } from '@dudao/schema/campaign';

/** What a service needs to file and find a campaign's records: its code (a whole definition passes as one). */
export type CampaignRef = Pick<CampaignDef, 'code'>;
