import { desc, eq } from 'drizzle-orm';
import { campaigns } from '@dudao/schema/tables';
import { type CampaignDef } from '@dudao/schema/campaign';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { numbered } from '../numbered';
import { campaignVersion } from './registry';

/** The campaign a database made before several campaigns could share one belongs to. */
export const defaultCampaignCode = 'anhui-2021';

export function installCampaign(db: DbOrTx, def: CampaignDef, actor: Actor, at: string): number {
  const write = () => db.transaction((tx) => {
    const latest = tx.select().from(campaigns).where(eq(campaigns.code, def.code)).orderBy(desc(campaigns.version)).get();
    const version = (latest?.version ?? 0) + 1;
    tx.insert(campaigns).values({ code: def.code, version, definition: def, createdAt: at, createdBy: actor.label }).run();
    recordAudit(tx, actor, at, [{ action: 'campaign.install', entity: 'campaign', entityId: `${def.code}@${version}`, newValue: def.name }]);
    return version;
  });
  return numbered(write, `活动 ${def.code} 刚由他人安装了同一版本号，本次未安装，请重试`);
}

/** The newest installed version of a campaign (the one new writes are judged by). */
export function currentCampaign(db: DbOrTx, code = defaultCampaignCode): CampaignDef {
  const row = db.select({ version: campaigns.version }).from(campaigns).where(eq(campaigns.code, code)).orderBy(desc(campaigns.version)).get();
  if (!row) throw new Error(`活动 ${code} 尚未安装，请先运行 pnpm cli db:reset`);
  return campaignVersion(db, code, row.version);
}
