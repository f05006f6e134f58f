import { and, asc, eq, inArray, like, lt } from 'drizzle-orm';
import { beijingDate, endOfBeijingDay } from '@dudao/schema/campaign';
import {
  rectificationItems,
  supervisionRevisions,
  supervisionVisits,
  type SupervisionRevision,
} from '@dudao/schema/tables';
import { isItemOverdue } from '@dudao/metrics';
import type { Ctx } from '../context';
import { evidenceOf } from './evidence';

const endOfTime = '9999-12-31T23:59:59.999Z';

export interface RevisionView {
  action: 'correct' | 'void';
  changes: Record<string, string> | null;
  reason: string;
  recordedAt: string;
}

function fold<T extends object>(record: T, revisions: SupervisionRevision[]) {
  let current = { ...record };
  let voided: RevisionView | null = null;
  const history: RevisionView[] = [];
  for (const r of revisions) {
    const view: RevisionView = {
      action: r.action,
      changes: r.changes ? (JSON.parse(r.changes) as Record<string, string>) : null,
      reason: r.reason,
      recordedAt: r.recordedAt,
    };
    history.push(view);
    if (r.action === 'void') voided = view;
    else current = { ...current, ...view.changes };
  }
  return { ...current, voided: voided !== null, voidReason: voided?.reason ?? null, revisions: history };
}

/**
 * Visits and items of a scope as known at the end of `asOf` (everything when no date): the first recording
 * with its corrections and voidings applied, closures and evidence only once known, overdue items flagged.
 */
export async function visitsWithin(ctx: Ctx<'campaign'>, scopeCode: string, asOf?: string) {
  const { db, campaign } = ctx;
  const before = asOf ? endOfBeijingDay(asOf) : endOfTime;
  // Without asOf (checks before a write) every record counts, judged overdue on the wall-clock day.
  const day = asOf ?? beijingDate(new Date());
  const visits = await db
    .select()
    .from(supervisionVisits)
    .where(
      and(
        eq(supervisionVisits.campaignCode, campaign.code),
        like(supervisionVisits.countyCode, `${scopeCode}%`),
        lt(supervisionVisits.recordedAt, before),
      ),
    )
    .orderBy(asc(supervisionVisits.id))
    .all();
  const visitIds = visits.map((v) => v.id);
  const items = visitIds.length
    ? await db
        .select()
        .from(rectificationItems)
        .where(and(inArray(rectificationItems.visitId, visitIds), lt(rectificationItems.createdAt, before)))
        .orderBy(asc(rectificationItems.id))
        .all()
    : [];
  const itemIds = items.map((i) => i.id);
  const revisions = visitIds.length
    ? await db
        .select()
        .from(supervisionRevisions)
        .where(lt(supervisionRevisions.recordedAt, before))
        .orderBy(asc(supervisionRevisions.id))
        .all()
    : [];
  const of = (target: 'visit' | 'item', id: number) =>
    revisions.filter((r) => r.target === target && r.targetId === id);
  const evidence = await evidenceOf(ctx, itemIds, before);
  const shownItems = items.map((raw) => {
    const closedKnown = raw.status === 'done' && raw.closedAt !== null && raw.closedAt < before;
    const item = fold(
      {
        ...raw,
        status: closedKnown ? ('done' as const) : ('open' as const),
        evidence: closedKnown ? raw.evidence : null,
        closedAt: closedKnown ? raw.closedAt : null,
      },
      of('item', raw.id),
    );
    const closedOn = item.closedAt ? beijingDate(item.closedAt) : null;
    return {
      ...item,
      closedOn,
      overdue: isItemOverdue({ dueOn: item.dueOn, closedOn, voided: item.voided }, day),
      files: evidence.filter((e) => e.itemId === raw.id),
    };
  });
  return visits
    .map((raw) => {
      const visit = fold(raw, of('visit', raw.id));
      return {
        ...visit,
        items: shownItems
          .filter((i) => i.visitId === raw.id)
          .map((i) => (visit.voided ? { ...i, voided: true, overdue: false } : i)),
      };
    })
    .sort((a, b) => (a.visitedOn === b.visitedOn ? a.id - b.id : a.visitedOn < b.visitedOn ? -1 : 1));
}

export type VisitView = Awaited<ReturnType<typeof visitsWithin>>[number];
