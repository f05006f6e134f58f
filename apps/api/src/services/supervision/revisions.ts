import { and, eq } from 'drizzle-orm';
import { rectificationItems, supervisionRevisions, supervisionVisits } from '@dudao/schema/tables';
import type { RecordLock } from '../../db/engine';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError, unseenItem, unseenVisit } from '../errors';
import { checkDueDate, checkVisitDate } from './dates';
import { visitsWithin, type VisitView } from './read';

export type Target = 'visit' | 'item';
export interface VisitChanges {
  visitedOn?: string;
  visitors?: string;
  findings?: string;
}
export interface ItemChanges {
  description?: string;
  owner?: string;
  dueOn?: string;
}

const fieldNames: Record<string, string> = {
  visitedOn: '督导日期',
  visitors: '督导人员',
  findings: '发现问题',
  description: '整改事项',
  owner: '责任单位',
  dueOn: '整改期限',
};

/** The current (corrected) visit holding the target, whichever of its visit or items is meant. */
async function currentOf(
  ctx: Ctx<'campaign'>,
  target: Target,
  id: number,
): Promise<{ visit: VisitView; item?: VisitView['items'][number] }> {
  const { db, campaign } = ctx;
  const countyRow =
    target === 'visit'
      ? await db
          .select({ county: supervisionVisits.countyCode })
          .from(supervisionVisits)
          .where(and(eq(supervisionVisits.campaignCode, campaign.code), eq(supervisionVisits.id, id)))
          .get()
      : await db
          .select({ county: supervisionVisits.countyCode })
          .from(rectificationItems)
          .innerJoin(supervisionVisits, eq(rectificationItems.visitId, supervisionVisits.id))
          .where(and(eq(supervisionVisits.campaignCode, campaign.code), eq(rectificationItems.id, id)))
          .get();
  if (!countyRow) throw target === 'visit' ? unseenVisit(id) : unseenItem(id);
  const visits = await visitsWithin(ctx, countyRow.county);
  const visit =
    target === 'visit' ? visits.find((v) => v.id === id) : visits.find((v) => v.items.some((i) => i.id === id));
  const item = target === 'item' ? visit?.items.find((i) => i.id === id) : undefined;
  return { visit: visit!, item };
}

export async function requireLive(ctx: Ctx<'campaign'>, target: Target, id: number) {
  const found = await currentOf(ctx, target, id);
  if (found.visit.voided) throw new DomainError('conflict', '该督导记录已作废，不能再修改或添加整改事项');
  if (found.item?.voided) throw new DomainError('conflict', '该整改事项已作废，不能再修改或销号');
  return found;
}

/**
 * The locks of an item's write: the item, and the visit it was found on, whose void ends it too (so a close and a
 * void of its visit take turns). An item's visit never changes; an unknown id locks the item alone.
 */
export async function itemLocks(ctx: Ctx, itemId: number): Promise<RecordLock[]> {
  const row = await ctx.db
    .select({ visitId: rectificationItems.visitId })
    .from(rectificationItems)
    .where(eq(rectificationItems.id, itemId))
    .get();
  return row ? [lockOn.item(itemId), lockOn.visit(row.visitId)] : [lockOn.item(itemId)];
}

/** A correction or a void judges the record's live revision (an item's, and its visit's). */
const locksOf = async (ctx: Ctx, input: { target: Target; id: number }) =>
  input.target === 'visit' ? [lockOn.visit(input.id)] : itemLocks(ctx, input.id);

function requireReason(reason: string): string {
  const text = reason.trim();
  if (text.length < 2)
    throw new DomainError('bad_request', '原因：更正或作废须写明原因（至少 2 个字）', [
      { row: null, column: '原因', message: '至少 2 个字' },
    ]);
  return text;
}

/** 更正: the new values become a revision row; the first recording and every earlier version stay readable. */
export async function correctRecord(
  ctx: Ctx<'campaign' | 'actor'>,
  input: { target: Target; id: number; reason: string; changes: VisitChanges & ItemChanges },
  given?: string,
) {
  const reason = requireReason(input.reason);
  return stampedWrite(ctx, { at: given, locks: await locksOf(ctx, input) }, async (ctx, at) => {
    const { campaign, actor } = ctx;
    const { visit, item } = await requireLive(ctx, input.target, input.id);
    const before = (item ?? visit) as unknown as Record<string, string>;
    const allowed =
      input.target === 'visit' ? ['visitedOn', 'visitors', 'findings'] : ['description', 'owner', 'dueOn'];
    const changes = Object.fromEntries(
      Object.entries(input.changes)
        .filter(([k, v]) => allowed.includes(k) && typeof v === 'string' && v.trim() !== '' && v.trim() !== before[k])
        .map(([k, v]) => [k, (v as string).trim()]),
    );
    if (Object.keys(changes).length === 0) throw new DomainError('bad_request', '更正内容与原记录相同，未作任何更正');
    if (changes.visitedOn) {
      checkVisitDate(campaign, changes.visitedOn, at);
      for (const i of visit.items)
        if (!i.voided && i.dueOn < changes.visitedOn) checkDueDate(i.dueOn, changes.visitedOn);
    }
    if (changes.dueOn) checkDueDate(changes.dueOn, visit.visitedOn);
    await ctx.db
      .insert(supervisionRevisions)
      .values({
        target: input.target,
        targetId: input.id,
        action: 'correct',
        changes: JSON.stringify(changes),
        reason,
        recordedAt: at,
        actorId: actor.id,
      })
      .run();
    await recordAudit(ctx, at, [
      ...Object.entries(changes).map(([k, v]) => ({
        action: 'supervision.correct',
        entity: entityOf(input.target),
        entityId: input.id,
        unitCode: visit.countyCode,
        field: fieldNames[k] ?? k,
        oldValue: before[k] ?? null,
        newValue: v,
      })),
      {
        action: 'supervision.correct',
        entity: entityOf(input.target),
        entityId: input.id,
        unitCode: visit.countyCode,
        field: '更正原因',
        newValue: reason,
      },
    ]);
    return currentOf(ctx, input.target, input.id);
  });
}

/** 作废: the record stays, marked void with its reason, and counts nowhere from then on. */
export async function voidRecord(
  ctx: Ctx<'campaign' | 'actor'>,
  input: { target: Target; id: number; reason: string },
  given?: string,
) {
  const reason = requireReason(input.reason);
  return stampedWrite(ctx, { at: given, locks: await locksOf(ctx, input) }, async (ctx, at) => {
    const { actor } = ctx;
    const { visit } = await requireLive(ctx, input.target, input.id);
    await ctx.db
      .insert(supervisionRevisions)
      .values({
        target: input.target,
        targetId: input.id,
        action: 'void',
        changes: null,
        reason,
        recordedAt: at,
        actorId: actor.id,
      })
      .run();
    await recordAudit(ctx, at, [
      {
        action: 'supervision.void',
        entity: entityOf(input.target),
        entityId: input.id,
        unitCode: visit.countyCode,
        field: '作废',
        oldValue: '有效',
        newValue: `作废：${reason}`,
      },
    ]);
    return currentOf(ctx, input.target, input.id);
  });
}

const entityOf = (target: Target) => (target === 'visit' ? 'supervision_visit' : 'rectification_item');
