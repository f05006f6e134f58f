import { and, eq } from 'drizzle-orm';
import type { CampaignDef } from '@dudao/schema/campaign';
import { rectificationItems, supervisionVisits } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { CampaignRef } from '../campaign/ref';
import { DomainError } from '../errors';
import { getUnit } from '../org/units';
import { checkDueDate, checkVisitDate } from './dates';
import { storeEvidence, type EvidenceUpload } from './evidence';
import { requireLive } from './revisions';

export { visitsWithin } from './read';

export interface VisitInput {
  countyCode: string;
  visitedOn: string;
  byLevel: 'city' | 'province';
  visitors: string;
  findings: string;
}

export function recordVisit(db: DbOrTx, campaign: CampaignDef, input: VisitInput, actor: Actor, at: string) {
  if (getUnit(db, input.countyCode)?.level !== 'county') throw new DomainError('bad_request', `${input.countyCode} 不是县级单位`);
  checkVisitDate(campaign, input.visitedOn, at);
  const visit = db.insert(supervisionVisits).values({ ...input, campaignCode: campaign.code, recordedAt: at, actorId: actor.id }).returning().get();
  recordAudit(db, actor, at, [{ action: 'supervision.visit', entity: 'supervision_visit', entityId: visit.id, unitCode: input.countyCode, field: 'visited_on', newValue: input.visitedOn }]);
  return visit;
}

export function addItem(db: DbOrTx, campaign: CampaignRef, input: { visitId: number; description: string; owner: string; dueOn: string }, actor: Actor, at: string) {
  const exists = db.select({ id: supervisionVisits.id }).from(supervisionVisits).where(and(eq(supervisionVisits.campaignCode, campaign.code), eq(supervisionVisits.id, input.visitId))).get();
  if (!exists) throw new DomainError('not_found', `督导记录 ${input.visitId} 不存在`);
  const { visit } = requireLive(db, campaign, 'visit', input.visitId);
  checkDueDate(input.dueOn, visit.visitedOn);
  const item = db.insert(rectificationItems).values({ ...input, status: 'open', createdAt: at }).returning().get();
  recordAudit(db, actor, at, [{ action: 'supervision.item', entity: 'rectification_item', entityId: item.id, unitCode: visit.countyCode, field: 'status', newValue: 'open' }]);
  return item;
}

/** 销号: an item is closed only with evidence (text, optionally files), and stays closed; the audit log keeps who and when. */
export function closeItem(db: DbOrTx, campaign: CampaignRef, input: { itemId: number; evidence: string; files?: EvidenceUpload[] }, actor: Actor, at: string) {
  const item = itemCounty(db, campaign, input.itemId) ? db.select().from(rectificationItems).where(eq(rectificationItems.id, input.itemId)).get() : undefined;
  if (!item) throw new DomainError('not_found', `整改事项 ${input.itemId} 不存在`);
  if (item.status === 'done') throw new DomainError('conflict', '该整改事项已销号');
  const { visit } = requireLive(db, campaign, 'item', item.id);
  const closed = db.update(rectificationItems).set({ status: 'done', evidence: input.evidence, closedAt: at, closedBy: actor.id }).where(eq(rectificationItems.id, item.id)).returning().get();
  const fileIds = storeEvidence(db, item.id, input.files ?? [], actor, at);
  recordAudit(db, actor, at, [
    { action: 'supervision.close', entity: 'rectification_item', entityId: item.id, unitCode: visit.countyCode, field: 'status', oldValue: 'open', newValue: 'done' },
    ...fileIds.map((id, i) => ({ action: 'supervision.evidence', entity: 'rectification_evidence', entityId: id, unitCode: visit.countyCode, field: 'file', newValue: input.files![i]!.name })),
  ]);
  return { ...closed, files: fileIds };
}

export function itemCounty(db: DbOrTx, campaign: CampaignRef, itemId: number): string | undefined {
  const row = db.select({ county: supervisionVisits.countyCode }).from(rectificationItems).innerJoin(supervisionVisits, eq(rectificationItems.visitId, supervisionVisits.id)).where(and(eq(supervisionVisits.campaignCode, campaign.code), eq(rectificationItems.id, itemId))).get();
  return row?.county;
}
