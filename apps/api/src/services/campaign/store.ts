import { desc, eq } from 'drizzle-orm';
import { campaigns } from '@dudao/schema/tables';
import { type CampaignDef } from '@dudao/schema/campaign';
import { recordAudit } from '../audit/record';
import { lockOn, withTransaction, type Ctx } from '../context';
import { numbered } from '../numbered';
import { campaignVersion } from './registry';

/** The campaign a database made before several campaigns could share one belongs to. */
export const defaultCampaignCode = 'anhui-2021';

export async function installCampaign(ctx: Ctx<'actor'>, def: CampaignDef, at: string): Promise<number> {
  // Each install numbers the next version of the code: installs of one campaign take turns (and the unique index
  // stops a writer that does not take the lock).
  const write = () =>
    withTransaction(ctx, [lockOn.campaign(def.code)], async (ctx) => {
      const latest = await ctx.db
        .select()
        .from(campaigns)
        .where(eq(campaigns.code, def.code))
        .orderBy(desc(campaigns.version))
        .get();
      const version = (latest?.version ?? 0) + 1;
      await ctx.db
        .insert(campaigns)
        .values({ code: def.code, version, definition: def, createdAt: at, createdBy: ctx.actor.label })
        .run();
      await recordAudit(ctx, at, [
        { action: 'campaign.install', entity: 'campaign', entityId: `${def.code}@${version}`, newValue: def.name },
      ]);
      return version;
    });
  return numbered(write, `活动 ${def.code} 刚由他人安装了同一版本号，本次未安装，请重试`);
}

/** The newest installed version of a campaign (the one new writes are judged by). */
export async function currentCampaign(ctx: Ctx, code = defaultCampaignCode): Promise<CampaignDef> {
  const row = await ctx.db
    .select({ version: campaigns.version })
    .from(campaigns)
    .where(eq(campaigns.code, code))
    .orderBy(desc(campaigns.version))
    .get();
  if (!row) throw new Error(`活动 ${code} 尚未安装，请先运行 pnpm cli db:reset`);
  return campaignVersion(ctx, code, row.version);
}
