import { and, eq, gt, sql } from 'drizzle-orm';
import { hostname } from 'node:os';
import { generatedReports, outbox, outboxAttempts } from '@dudao/schema/tables';
import { engineOf, withTransaction, type Db } from '../../db/engine';
import { readClock } from '../clock/clock';
import { currentCampaign } from '../campaign/store';
import type { CampaignDef } from '@dudao/schema/campaign';
import { channels, DeliveryError, type OutgoingMessage } from './channels';
import { SMS_PER_PHONE_PER_HOUR } from './channels/sms';
import { resolveChannel } from './config';
import { stillUndone } from './done';
import type { Condition } from './enqueue';

export interface WorkerOptions {
  /** Names this process in claims and attempts. */
  id: string;
  batch: number;
  /** How long a claim holds before another worker may take the message (longer than any one send). */
  leaseMs: number;
  /** Backoff after the first failure; each further failure doubles it. */
  backoffMs: number;
  /** Attempts before a message is dead. */
  maxAttempts: number;
}

export function workerOptions(env: NodeJS.ProcessEnv = process.env): WorkerOptions {
  return {
    id: `${hostname()}:${process.pid}`,
    batch: Number(env.DUDAO_NOTIFY_BATCH ?? 20),
    leaseMs: Number(env.DUDAO_NOTIFY_LEASE_MS ?? 60_000),
    backoffMs: Number(env.DUDAO_NOTIFY_BACKOFF_MS ?? 30_000),
    maxAttempts: Number(env.DUDAO_NOTIFY_MAX_ATTEMPTS ?? 6),
  };
}

export type Outcome = 'sent' | 'retry' | 'dead' | 'skipped' | 'deferred' | 'lost';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Claims up to `batch` due messages for this worker. One UPDATE takes them: SQLite's single writer makes it atomic;
 * on PostgreSQL `FOR UPDATE SKIP LOCKED` lets a second process take other rows instead of waiting or taking these.
 * A message whose claim lapsed (its worker died) is due again.
 */
export async function claimDue(db: Db, opts: WorkerOptions, nowMs = Date.now()): Promise<number[]> {
  const now = iso(nowMs);
  const lock = engineOf(db) === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const rows = await db.all<unknown>(sql`
    UPDATE outbox SET claimed_by = ${opts.id}, claimed_until = ${iso(nowMs + opts.leaseMs)}
    WHERE id IN (
      SELECT id FROM outbox
      WHERE state = 'pending' AND next_at <= ${now} AND (claimed_until IS NULL OR claimed_until < ${now})
      ORDER BY id LIMIT ${opts.batch}${lock}
    )
    RETURNING id`);
  return rows.map((r) => Number(Array.isArray(r) ? r[0] : (r as { id: number }).id)).sort((a, b) => a - b);
}

const campaigns = new Map<string, { at: number; def: Promise<CampaignDef> }>();
function campaignOf(db: Db, code: string): Promise<CampaignDef> {
  const hit = campaigns.get(code);
  if (hit && Date.now() - hit.at < 60_000) return hit.def;
  const def = currentCampaign({ db }, code);
  campaigns.set(code, { at: Date.now(), def });
  return def;
}

async function attachmentsOf(db: Db, refs: { filename: string; generatedReportId: number }[]) {
  const out: NonNullable<OutgoingMessage['attachments']> = [];
  for (const ref of refs) {
    const doc = await db
      .select({ content: generatedReports.content, fileName: generatedReports.fileName })
      .from(generatedReports)
      .where(eq(generatedReports.id, ref.generatedReportId))
      .get();
    if (doc) out.push({ filename: ref.filename || doc.fileName, content: Buffer.from(doc.content as Uint8Array) });
  }
  return out;
}

/** Phones get at most `perPhonePerHour` messages an hour: a message over it waits for the oldest to age out. */
async function smsWaitMs(db: Db, phone: string, limit: number, nowMs: number): Promise<number> {
  const since = iso(nowMs - 3_600_000);
  const sent = await db.all<unknown>(sql`
    SELECT sent_at FROM outbox
    WHERE address = ${phone} AND state = 'sent' AND sent_at > ${since}
    ORDER BY sent_at LIMIT ${limit}`);
  if (sent.length < limit) return 0;
  const first = sent[0];
  const oldest = String(Array.isArray(first) ? first[0] : (first as { sent_at: string }).sent_at);
  return Math.max(1000, Date.parse(oldest) + 3_600_000 - nowMs);
}

/** Writes the end of one attempt, only while this worker still holds the claim. */
async function finish(
  db: Db,
  id: number,
  opts: WorkerOptions,
  set: Partial<typeof outbox.$inferInsert>,
  attempt?: { ok: boolean; error: string | null },
) {
  // A compare-and-set on the claim: a worker whose lease lapsed changes nothing, so no lock is needed.
  await withTransaction({ db }, [], async ({ db }) => {
    const changed = await db
      .update(outbox)
      .set({ ...set, claimedBy: null, claimedUntil: null })
      .where(and(eq(outbox.id, id), eq(outbox.claimedBy, opts.id)))
      .returning({ id: outbox.id })
      .all();
    if (attempt && changed.length)
      await db
        .insert(outboxAttempts)
        .values({ messageId: id, at: iso(Date.now()), worker: opts.id, ...attempt })
        .run();
  });
}

/** Delivers one claimed message: checks it is still wanted, sends, and records the attempt. */
export async function deliverOne(db: Db, id: number, opts: WorkerOptions): Promise<Outcome> {
  const row = await db.select().from(outbox).where(eq(outbox.id, id)).get();
  if (!row || row.state !== 'pending' || row.claimedBy !== opts.id) return 'lost';
  const nowMs = Date.now();
  if (row.condition) {
    const campaign = await campaignOf(db, row.campaignCode);
    const { today } = await readClock({ db });
    if (!(await stillUndone({ db, campaign }, JSON.parse(row.condition) as Condition, today))) {
      await finish(db, id, opts, { state: 'skipped', lastError: `发送前已办理（${today}），不再提醒` });
      return 'skipped';
    }
  }
  const channel = await resolveChannel({ db }, row.channelId).catch((e: Error) => e);
  if (channel === null || channel instanceof Error) {
    const error = channel instanceof Error ? channel.message : '渠道已停用或已删除';
    await finish(db, id, opts, { state: 'dead', attempts: row.attempts + 1, lastError: error }, { ok: false, error });
    return 'dead';
  }
  if (channel.kind === 'sms' && row.address) {
    const limit = Number(channel.config.perPhonePerHour ?? SMS_PER_PHONE_PER_HOUR);
    const wait = await smsWaitMs(db, row.address, limit, nowMs);
    if (wait > 0) {
      await finish(db, id, opts, { nextAt: iso(nowMs + wait), lastError: `该号码一小时内已发 ${limit} 条，延后发送` });
      return 'deferred';
    }
  }
  const payload = JSON.parse(row.payload) as {
    sms?: OutgoingMessage['sms'];
    attachments?: { filename: string; generatedReportId: number }[];
  };
  const message: OutgoingMessage = {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    link: row.link,
    address: row.address,
    sms: payload.sms,
    attachments: payload.attachments?.length ? await attachmentsOf(db, payload.attachments) : undefined,
  };
  // Marked (and the claim renewed) before the send: a crash during it leaves the mark, and the next worker resends
  // under the same id; a claim that lapsed meanwhile belongs to another worker now, so this one lets it go.
  const held = await db
    .update(outbox)
    .set({ inflightAt: iso(nowMs), claimedUntil: iso(Date.now() + opts.leaseMs) })
    .where(and(eq(outbox.id, id), eq(outbox.claimedBy, opts.id), gt(outbox.claimedUntil, iso(Date.now()))))
    .returning({ id: outbox.id })
    .all();
  if (held.length === 0) return 'lost';
  try {
    await channels[channel.kind].send(channel, message);
  } catch (e) {
    const error = e instanceof DeliveryError ? e.message : `发送出错：${(e as Error).message}`;
    const attempts = row.attempts + 1;
    const dead = (e instanceof DeliveryError && !e.retryable) || attempts >= opts.maxAttempts;
    await finish(
      db,
      id,
      opts,
      dead
        ? { state: 'dead', attempts, lastError: error, inflightAt: null }
        : {
            attempts,
            lastError: error,
            inflightAt: null,
            nextAt: iso(Date.now() + opts.backoffMs * 2 ** (attempts - 1)),
          },
      { ok: false, error },
    );
    return dead ? 'dead' : 'retry';
  }
  await finish(
    db,
    id,
    opts,
    { state: 'sent', attempts: row.attempts + 1, sentAt: iso(Date.now()), inflightAt: null, lastError: null },
    { ok: true, error: null },
  );
  return 'sent';
}

/** One pass: claim what is due and deliver it, one message at a time (robots allow 20 a minute). */
export async function runOnce(db: Db, opts: WorkerOptions): Promise<number> {
  const ids = await claimDue(db, opts);
  for (const id of ids) await deliverOne(db, id, opts);
  return ids.length;
}
