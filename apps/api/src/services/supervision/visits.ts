import { and, asc, eq, inArray, like, lt } from 'drizzle-orm';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { rectificationItems, supervisionVisits } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { getUnit } from '../org/units';

export interface VisitInput {
  countyCode: string;
  visitedOn: string;
  byLevel: 'city' | 'province';
  visitors: string;
  findings: string;
}

export function recordVisit(db: DbOrTx, input: VisitInput, actor: Actor, at: string) {
  if (getUnit(db, input.countyCode)?.level !== 'county') throw new DomainError('bad_request', `${input.countyCode} 不是县级单位`);
  const visit = db.insert(supervisionVisits).values({ ...input, recordedAt: at, actorId: actor.id }).returning().get();
  recordAudit(db, actor, at, [{ action: 'supervision.visit', entity: 'supervision_visit', entityId: visit.id, unitCode: input.countyCode, field: 'visited_on', newValue: input.visitedOn }]);
  return visit;
}

export function addItem(db: DbOrTx, input: { visitId: number; description: string; owner: string; dueOn: string }, actor: Actor, at: string) {
  const visit = db.select().from(supervisionVisits).where(eq(supervisionVisits.id, input.visitId)).get();
  if (!visit) throw new DomainError('not_found', `督导记录 ${input.visitId} 不存在`);
  const item = db.insert(rectificationItems).values({ ...input, status: 'open', createdAt: at }).returning().get();
  recordAudit(db, actor, at, [{ action: 'supervision.item', entity: 'rectification_item', entityId: item.id, unitCode: visit.countyCode, field: 'status', newValue: 'open' }]);
  return item;
}

/** 销号: an item is closed only with evidence, and stays closed; the audit log keeps who closed it and when. */
export function closeItem(db: DbOrTx, input: { itemId: number; evidence: string }, actor: Actor, at: string) {
  const item = db.select().from(rectificationItems).where(eq(rectificationItems.id, input.itemId)).get();
  if (!item) throw new DomainError('not_found', `整改事项 ${input.itemId} 不存在`);
  if (item.status === 'done') throw new DomainError('conflict', '该整改事项已销号');
  const visit = db.select().from(supervisionVisits).where(eq(supervisionVisits.id, item.visitId)).get()!;
  const closed = db.update(rectificationItems).set({ status: 'done', evidence: input.evidence, closedAt: at, closedBy: actor.id }).where(eq(rectificationItems.id, item.id)).returning().get();
  recordAudit(db, actor, at, [{ action: 'supervision.close', entity: 'rectification_item', entityId: item.id, unitCode: visit.countyCode, field: 'status', oldValue: 'open', newValue: 'done' }]);
  return closed;
}

/** Visits and their rectification items as recorded by the end of `asOf`: an item closed later is still open then. */
export function visitsWithin(db: DbOrTx, scopeCode: string, asOf: string) {
  const before = endOfBeijingDay(asOf);
  const visits = db
    .select()
    .from(supervisionVisits)
    .where(and(like(supervisionVisits.countyCode, `${scopeCode}%`), lt(supervisionVisits.recordedAt, before)))
    .orderBy(asc(supervisionVisits.visitedOn), asc(supervisionVisits.id))
    .all();
  const items = visits.length
    ? db.select().from(rectificationItems).where(and(inArray(rectificationItems.visitId, visits.map((v) => v.id)), lt(rectificationItems.createdAt, before))).orderBy(asc(rectificationItems.id)).all()
    : [];
  return visits.map((v) => ({ ...v, items: items.filter((i) => i.visitId === v.id).map((i) => itemAsOf(i, before)) }));
}

export function itemAsOf<T extends { status: 'open' | 'done'; closedAt: string | null; evidence: string | null; closedBy: number | null }>(item: T, before: string): T {
  return item.closedAt && item.closedAt >= before ? { ...item, status: 'open', closedAt: null, evidence: null, closedBy: null } : item;
}

export function itemCounty(db: DbOrTx, itemId: number): string | undefined {
  const row = db.select({ county: supervisionVisits.countyCode }).from(rectificationItems).innerJoin(supervisionVisits, eq(rectificationItems.visitId, supervisionVisits.id)).where(and(eq(rectificationItems.id, itemId))).get();
  return row?.county;
}
