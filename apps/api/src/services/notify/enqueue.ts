import { randomUUID } from 'node:crypto';
import { outbox, type ChannelKind } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { isRobot } from './channels';
import { channelsOf } from './config';
import { groupOf, linkPath, publicUrl } from './kinds';
import { prefsOf } from './prefs';

/** What must still be undone when the message goes; if it has been done, the message is skipped. */
export type Condition =
  | { type: 'report'; county: string; period: string }
  | { type: 'gate'; gate: string; unit: string; when: 'soon' | 'overdue' };

export interface OutboundNotice {
  kind: string;
  title: string;
  body: string;
  /** The unit the notice is about and whose group robots carry it. */
  unitCode: string;
  period?: string;
  /** A stable key for a scheduled reminder, so that evaluating it twice writes it once. */
  key?: string;
  condition?: Condition;
  attachments?: { filename: string; generatedReportId: number }[];
  link?: string;
}

/** The units whose channels may carry a notice about `unit`: itself, then its city (市县工作群), then the province. */
function chain(unit: string): string[] {
  const out = [unit];
  if (unit.length > 4) out.push(unit.slice(0, 4));
  if (unit.length > 2) out.push(unit.slice(0, 2));
  return out;
}

function conditionOf(notice: OutboundNotice): Condition | null {
  if (notice.condition) return notice.condition;
  if (notice.kind === 'urge.report' && notice.period)
    return { type: 'report', county: notice.unitCode, period: notice.period };
  return null;
}

/**
 * Writes the outbox rows for one notice to these users, in the caller's transaction: one per group robot that
 * carries it (robots of the unit, else of its city; shared by all its readers) and one per person for e-mail and SMS,
 * by each person's choices for this kind of notice. Returns how many rows it wrote.
 */
export async function enqueueNotice(
  ctx: Ctx<'campaign'>,
  userIds: number[],
  notice: OutboundNotice,
  at: string,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const units = chain(notice.unitCode);
  const available = await channelsOf(ctx, units);
  if (available.size === 0) return 0;
  const group = groupOf(notice.kind);
  const prefs = await prefsOf(ctx, userIds);
  const key = notice.key ?? `evt:${randomUUID()}`;
  const link = notice.link ?? publicUrl(linkPath(notice.kind, notice.unitCode));
  const condition = conditionOf(notice);
  const payload = JSON.stringify({
    sms: {
      group,
      params: { title: notice.title, unit: notice.unitCode, ...(notice.period ? { period: notice.period } : {}) },
    },
    attachments: notice.attachments ?? [],
  });
  const rows = new Map<string, typeof outbox.$inferInsert>();
  // Robots: the nearest unit below the province that has one (a county's own group, else its city's).
  const robotOf = (kind: ChannelKind) =>
    units
      .filter((u) => u.length > 2)
      .map((u) => available.get(`${u}:${kind}`))
      .find((id) => id !== undefined);
  const transportOf = (kind: ChannelKind) =>
    units.map((u) => available.get(`${u}:${kind}`)).find((id) => id !== undefined);
  for (const userId of userIds) {
    const p = prefs.get(userId)!;
    for (const kind of p.choices[group] ?? []) {
      const address = kind === 'email' ? p.email : kind === 'sms' ? p.phone : null;
      const channelId = isRobot(kind) ? robotOf(kind) : transportOf(kind);
      if (channelId === undefined || (!isRobot(kind) && !address)) continue;
      const dedupeKey = isRobot(kind) ? `${key}:ch${channelId}` : `${key}:u${userId}:ch${channelId}`;
      rows.set(dedupeKey, {
        campaignCode: ctx.campaign.code,
        kind: notice.kind,
        channelId,
        address,
        dedupeKey,
        subject: notice.title,
        body: notice.body,
        link,
        payload,
        condition: condition ? JSON.stringify(condition) : null,
        state: 'pending',
        attempts: 0,
        nextAt: new Date().toISOString(),
        createdAt: at,
      });
    }
  }
  if (rows.size === 0) return 0;
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += 40)
    await ctx.db
      .insert(outbox)
      .values(all.slice(i, i + 40))
      .onConflictDoNothing()
      .run();
  return rows.size;
}
