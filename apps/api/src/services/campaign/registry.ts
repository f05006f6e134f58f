import { and, asc, eq } from 'drizzle-orm';
import { campaigns } from '@dudao/schema/tables';
import { beijingDate, endOfBeijingDay, type CampaignDef } from '@dudao/schema/campaign';
import { inTransaction } from '../../db/engine';
import { memoOnFeed } from '../../db/feed-memo';
import { clockNow } from '../clock/clock';
import type { Ctx } from '../context';
import { DomainError } from '../errors';

/**
 * Installed versions are never edited, so one object per code@version serves every request; the status cache is
 * keyed by that object, hence by campaign and version. A version read inside a write transaction (its own
 * installation) is not filed until committed: a rollback frees the version number for another definition.
 */
const defs = new WeakMap<object, Map<string, CampaignDef>>();

export async function campaignVersion(ctx: Ctx, code: string, version: number): Promise<CampaignDef> {
  const perDb = defs.get(ctx.db) ?? new Map<string, CampaignDef>();
  defs.set(ctx.db, perDb);
  const key = `${code}@${version}`;
  let def = perDb.get(key);
  if (!def) {
    const row = await ctx.db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.code, code), eq(campaigns.version, version)))
      .get();
    if (!row) throw new DomainError('not_found', `活动 ${code} 第 ${version} 版未安装`);
    // Another request may have filed the same version while this one awaited: keep the first, so the object stays one.
    def = perDb.get(key) ?? (row.definition as CampaignDef);
    if (!inTransaction(ctx.db)) perDb.set(key, def);
  }
  return def;
}

/** Every installed version, oldest first; kept until a campaign is installed (the feed names it). */
const installedRows = memoOnFeed((db) =>
  db
    .select({ code: campaigns.code, version: campaigns.version, at: campaigns.createdAt })
    .from(campaigns)
    .orderBy(asc(campaigns.version))
    .all(),
);

export interface InstalledCampaign {
  code: string;
  name: string;
  province: string;
  start: string;
  end: string;
  version: number;
  installedAt: string;
}

/** Every installed campaign at its newest version, latest start first. */
export async function installedCampaigns(ctx: Ctx): Promise<InstalledCampaign[]> {
  const newest = new Map<string, { version: number; at: string }>();
  for (const r of await installedRows(ctx.db)) {
    newest.set(r.code, { version: r.version, at: r.at });
  }
  const out: InstalledCampaign[] = [];
  for (const [code, v] of newest) {
    const def = await campaignVersion(ctx, code, v.version);
    out.push({
      code,
      name: def.name,
      province: def.province,
      start: def.start,
      end: def.end,
      version: v.version,
      installedAt: v.at,
    });
  }
  return out.sort((a, b) => (a.start === b.start ? (a.code < b.code ? -1 : 1) : a.start < b.start ? 1 : -1));
}

/** A campaign belongs to its province: its staff (and anyone above, a national scope) may use it, nobody else. */
export function mayUseCampaign(scopeCode: string, province: string): boolean {
  return province.startsWith(scopeCode) || scopeCode.startsWith(province);
}

export async function campaignsVisibleTo(ctx: Ctx, scopeCode: string): Promise<InstalledCampaign[]> {
  return (await installedCampaigns(ctx)).filter((c) => mayUseCampaign(scopeCode, c.province));
}

/**
 * The campaign a request works in: the one it names (header or query), else the visible one with the latest start
 * among those begun by the campaign clock's day (a plan installed ahead of its year is not the default before it
 * starts), else the visible one with the latest start.
 * An unknown code is 404 and a campaign of another province 403, each in words the user can act on.
 */
export async function resolveCampaign(
  ctx: Ctx,
  scopeCode: string,
  requested: string | undefined,
): Promise<CampaignDef> {
  // Side by side: each is kept until the change feed names a change, and two catch-ups made at once are one read.
  const [all, now] = await Promise.all([installedCampaigns(ctx), clockNow(ctx)]);
  if (requested) {
    const found = all.find((c) => c.code === requested);
    if (!found) throw new DomainError('not_found', `活动 ${requested} 不存在或尚未安装`);
    if (!mayUseCampaign(scopeCode, found.province))
      throw new DomainError('forbidden', `无权访问活动“${found.name}”（属于其他省份）`);
    return campaignVersion(ctx, found.code, found.version);
  }
  const today = beijingDate(now);
  const mine = all.filter((c) => mayUseCampaign(scopeCode, c.province));
  const visible = mine.find((c) => c.start <= today) ?? mine[0];
  if (!visible)
    throw new DomainError('not_found', '没有您可以访问的活动，请先安装活动定义（pnpm cli campaign install FILE）');
  return campaignVersion(ctx, visible.code, visible.version);
}

/**
 * Data already judged keeps its version: a date is judged by the newest version installed by the end of that day,
 * or by the first version when the date precedes every installation (a definition installed late still judges its days).
 */
export async function campaignOn(ctx: Ctx, code: string, asOf: string): Promise<CampaignDef> {
  const before = endOfBeijingDay(asOf);
  const rows = (await installedRows(ctx.db)).filter((r) => r.code === code);
  if (rows.length === 0) throw new DomainError('not_found', `活动 ${code} 不存在或尚未安装`);
  const inForce = rows.filter((r) => r.at < before).at(-1) ?? rows[0]!;
  return campaignVersion(ctx, code, inForce.version);
}
