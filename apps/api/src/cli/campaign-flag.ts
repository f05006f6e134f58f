import type { CampaignDef } from '@dudao/schema/campaign';
import type { Db } from '../db/client';
import { beijingDate } from '@dudao/schema/campaign';
import { campaignVersion, installedCampaigns, resolveCampaign } from '../services/campaign/registry';
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

/**
 * The campaign an import belongs to: `--campaign`, else the one installed campaign begun by `at` whose periods hold
 * every period the file names (a roster or case file names none: the campaign running on that day). When that is not
 * exactly one, the user is asked to name it.
 */
export async function campaignForImport(db: Db, flags: Flags, at: string, filePeriods: string[]): Promise<CampaignDef> {
  if (str(flags, 'campaign')) return campaignFlag(db, flags);
  const day = beijingDate(at);
  const begun = (await installedCampaigns({ db })).filter((c) => c.start <= day);
  const fits: CampaignDef[] = [];
  for (const c of begun) {
    const def = await campaignVersion({ db }, c.code, c.version);
    const holds = filePeriods.length ? filePeriods.every((p) => def.periods.includes(p)) : day <= def.end;
    if (holds) fits.push(def);
  }
  if (fits.length === 1) return fits[0]!;
  const named = (fits.length ? fits : begun).map((c) => c.code).join('、') || '无';
  throw new UsageError(
    `请用 --campaign 指定活动：${fits.length ? '文件可属于多个活动' : '没有已开始的活动包含文件中的期间'}（可选：${named}）`,
  );
}
