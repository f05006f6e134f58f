import { asc, desc, eq } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import { campaigns } from '@dudao/schema/tables';
import type { CampaignDef } from '@dudao/schema/campaign';
import { lockOn, withTransaction, type Ctx } from '../context';
import { installCampaign } from './store';

export interface Installed {
  code: string;
  version: number;
  changed: boolean;
}

/** A changed definition becomes a new version; the same definition again changes nothing, so re-running is safe. */
export async function installDefinition(ctx: Ctx<'actor'>, def: CampaignDef, at: string): Promise<Installed> {
  return withTransaction(ctx, [lockOn.campaign(def.code)], async (ctx) => {
    const latest = await ctx.db
      .select()
      .from(campaigns)
      .where(eq(campaigns.code, def.code))
      .orderBy(desc(campaigns.version))
      .get();
    if (latest && isDeepStrictEqual(latest.definition, def))
      return { code: def.code, version: latest.version, changed: false };
    return { code: def.code, version: await installCampaign(ctx, def, at), changed: true };
  });
}

export interface CampaignVersion {
  code: string;
  name: string;
  version: number;
  installedAt: string;
  installedBy: string;
  start: string;
  end: string;
}

export async function listCampaignVersions(ctx: Ctx): Promise<CampaignVersion[]> {
  const rows = await ctx.db.select().from(campaigns).orderBy(asc(campaigns.code), asc(campaigns.version)).all();
  return rows.map((row) => {
    const def = row.definition as CampaignDef;
    return {
      code: row.code,
      name: def.name,
      version: row.version,
      installedAt: row.createdAt,
      installedBy: row.createdBy,
      start: def.start,
      end: def.end,
    };
  });
}
