import { and, desc, eq, inArray } from 'drizzle-orm';
import { notifyChannels, outbox, outboxAttempts, outboxStates, type OutboxState } from '@dudao/schema/tables';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { channelNames } from './channels';

export interface OutboxRow {
  id: number;
  kind: string;
  channel: string;
  unitCode: string | null;
  /** The address masked (a phone shows its last four digits, an e-mail its domain). */
  to: string;
  subject: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  tries: { at: string; ok: boolean; error: string | null }[];
}

const mask = (address: string | null) =>
  !address ? '群' : address.includes('@') ? `***@${address.split('@')[1]}` : `*******${address.slice(-4)}`;

/** The outbox as an admin sees it: newest first, by state (dead ones by default), each with its attempts. */
export async function listOutbox(ctx: Ctx, state: OutboxState = 'dead', limit = 100): Promise<OutboxRow[]> {
  if (!outboxStates.includes(state)) throw new DomainError('bad_request', '状态只能是待发送、已发送、发送失败或已免发');
  const rows = await ctx.db
    .select({ m: outbox, unitCode: notifyChannels.unitCode, kind: notifyChannels.kind })
    .from(outbox)
    .leftJoin(notifyChannels, eq(notifyChannels.id, outbox.channelId))
    .where(eq(outbox.state, state))
    .orderBy(desc(outbox.id))
    .limit(Math.min(Math.max(1, limit), 500))
    .all();
  const ids = rows.map((r) => r.m.id);
  const tries = ids.length
    ? await ctx.db
        .select()
        .from(outboxAttempts)
        .where(inArray(outboxAttempts.messageId, ids))
        .orderBy(outboxAttempts.id)
        .all()
    : [];
  return rows.map(({ m, unitCode, kind }) => ({
    id: m.id,
    kind: m.kind,
    channel: kind ? channelNames[kind] : '（渠道已删除）',
    unitCode,
    to: mask(m.address),
    subject: m.subject,
    state: m.state,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    tries: tries.filter((t) => t.messageId === m.id).map((t) => ({ at: t.at, ok: t.ok, error: t.error })),
  }));
}

export async function outboxCounts(ctx: Ctx): Promise<Record<OutboxState, number>> {
  const out = Object.fromEntries(outboxStates.map((s) => [s, 0])) as Record<OutboxState, number>;
  for (const s of outboxStates)
    out[s] = (await ctx.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.state, s)).all()).length;
  return out;
}

/** Puts a dead message back in line with a fresh count of attempts; its earlier attempts stay on record. */
export async function resendMessage(ctx: Ctx<'actor'>, id: number): Promise<void> {
  await stampedWrite(ctx, { at: undefined, locks: [lockOn.outboxMessage(id)] }, async (ctx, at) => {
    const changed = await ctx.db
      .update(outbox)
      .set({
        state: 'pending',
        attempts: 0,
        nextAt: new Date().toISOString(),
        claimedBy: null,
        claimedUntil: null,
        lastError: null,
      })
      .where(and(eq(outbox.id, id), eq(outbox.state, 'dead')))
      .returning({ id: outbox.id })
      .all();
    if (!changed.length) throw new DomainError('conflict', `消息 ${id} 不存在或不是发送失败的消息，不能重发`);
    await recordAudit(ctx, at, [
      {
        action: 'notify.resend',
        entity: 'outbox',
        entityId: id,
        unitCode: null,
        period: null,
        field: 'state',
        oldValue: 'dead',
        newValue: 'pending',
      },
    ]);
  });
}
