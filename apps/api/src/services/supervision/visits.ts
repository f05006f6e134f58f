import { and, eq } from 'drizzle-orm';
import { rectificationItems, supervisionVisits } from '@dudao/schema/tables';
import { recordAudit } from '../audit/record';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { DomainError, unseenItem, unseenVisit } from '../errors';
import { requireCampaignDate } from '../campaign/window';
import { getUnit } from '../org/units';
import { checkDueDate, checkVisitDate } from './dates';
import { storeEvidence, type EvidenceUpload } from './evidence';
import { itemLocks, requireLive } from './revisions';

export { visitsWithin } from './read';

export interface VisitInput {
  countyCode: string;
  visitedOn: string;
  byLevel: 'city' | 'province';
  visitors: string;
  findings: string;
}

export async function recordVisit(ctx: Ctx<'campaign' | 'actor'>, input: VisitInput, given?: string) {
  // A new visit judges no record: two visits recorded at once are two visits.
  return stampedWrite(ctx, { at: given, locks: [] }, async (ctx, at) => {
    const { db, campaign, actor } = ctx;
    // The record says who supervised: a city officer's visit is the city's, whatever the form said.
    const byLevel = actor.role === 'city_officer' ? 'city' : input.byLevel;
    if ((await getUnit(ctx, input.countyCode))?.level !== 'county')
      throw new DomainError('bad_request', `${input.countyCode} 不是县级单位`);
    checkVisitDate(campaign, input.visitedOn, at);
    const visit = await db
      .insert(supervisionVisits)
      .values({ ...input, byLevel, campaignCode: campaign.code, recordedAt: at, actorId: actor.id })
      .returning()
      .get();
    await recordAudit(ctx, at, [
      {
        action: 'supervision.visit',
        entity: 'supervision_visit',
        entityId: visit.id,
        unitCode: input.countyCode,
        field: 'visited_on',
        newValue: input.visitedOn,
      },
    ]);
    return visit;
  });
}

export async function addItem(
  ctx: Ctx<'campaign' | 'actor'>,
  input: { visitId: number; description: string; owner: string; dueOn: string },
  given?: string,
) {
  // The visit must still be live (not voided meanwhile) when the item is added to it.
  requireCampaignDate(ctx.campaign, 'dueOn', input.dueOn, 'due');
  return stampedWrite(ctx, { at: given, locks: [lockOn.visit(input.visitId)] }, async (ctx, at) => {
    const { db, campaign } = ctx;
    const exists = await db
      .select({ id: supervisionVisits.id })
      .from(supervisionVisits)
      .where(and(eq(supervisionVisits.campaignCode, campaign.code), eq(supervisionVisits.id, input.visitId)))
      .get();
    if (!exists) throw unseenVisit(input.visitId);
    const { visit } = await requireLive(ctx, 'visit', input.visitId);
    checkDueDate(input.dueOn, visit.visitedOn);
    const item = await db
      .insert(rectificationItems)
      .values({ ...input, status: 'open', createdAt: at })
      .returning()
      .get();
    await recordAudit(ctx, at, [
      {
        action: 'supervision.item',
        entity: 'rectification_item',
        entityId: item.id,
        unitCode: visit.countyCode,
        field: 'status',
        newValue: 'open',
      },
    ]);
    return item;
  });
}

/** 销号: an item is closed only with evidence (text, optionally files), and stays closed; the audit log keeps who and when. */
export async function closeItem(
  ctx: Ctx<'campaign' | 'actor'>,
  input: { itemId: number; evidence: string; files?: EvidenceUpload[] },
  given?: string,
) {
  return stampedWrite(ctx, { at: given, locks: await itemLocks(ctx, input.itemId) }, async (ctx, at) => {
    const { db, actor } = ctx;
    const item = (await itemCounty(ctx, input.itemId))
      ? await db.select().from(rectificationItems).where(eq(rectificationItems.id, input.itemId)).get()
      : undefined;
    if (!item) throw unseenItem(input.itemId);
    if (item.status === 'done') throw new DomainError('conflict', '该整改事项已销号');
    const { visit } = await requireLive(ctx, 'item', item.id);
    const closed = await db
      .update(rectificationItems)
      .set({ status: 'done', evidence: input.evidence, closedAt: at, closedBy: actor.id })
      .where(eq(rectificationItems.id, item.id))
      .returning()
      .get();
    const fileIds = await storeEvidence(ctx, item.id, input.files ?? [], at);
    await recordAudit(ctx, at, [
      {
        action: 'supervision.close',
        entity: 'rectification_item',
        entityId: item.id,
        unitCode: visit.countyCode,
        field: 'status',
        oldValue: 'open',
        newValue: 'done',
      },
      ...fileIds.map((id, i) => ({
        action: 'supervision.evidence',
        entity: 'rectification_evidence',
        entityId: id,
        unitCode: visit.countyCode,
        field: 'file',
        newValue: input.files![i]!.name,
      })),
    ]);
    return { ...closed, files: fileIds };
  });
}

export async function itemCounty(ctx: Ctx<'campaign'>, itemId: number): Promise<string | undefined> {
  const row = await ctx.db
    .select({ county: supervisionVisits.countyCode })
    .from(rectificationItems)
    .innerJoin(supervisionVisits, eq(rectificationItems.visitId, supervisionVisits.id))
    .where(and(eq(supervisionVisits.campaignCode, ctx.campaign.code), eq(rectificationItems.id, itemId)))
    .get();
  return row?.county;
}
