import type { CampaignDef } from '@dudao/schema/campaign';
import type { Db } from '../db/client';
import { resolveCampaign } from '../services/campaign/registry';
import { DomainError } from '../services/errors';
import { str, UsageError, type Flags } from './args';

/** `--campaign CODE`, or the same default a signed-in national user gets; an unknown code stops with its message. */
export async function campaignFlag(db: Db, flags: Flags): Promise<CampaignDef> {
  try {
    return await resolveCampaign({ db }, '', str(flags, 'campaign'));
  } catch (e) {
    if (e instanceof DomainError)
      throw new UsageError(`--campaign：${e.message}（pnpm cli campaign list 列出已安装的活动）`);
    throw e;
  }
}
