import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { dispatchCopyAt, dispatchStatusText, type DispatchCopyAt } from '@dudao/metrics';
import { beijingDate, endOfBeijingDay } from '@dudao/schema/campaign';
import { dispatchCopies, dispatchEvents, dispatchFiles, dispatchOrders, orgUnits } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { DomainError, unseenOrder } from '../errors';
import { isWithin } from '../org/units';
import type { DispatchQuote } from './quotes';
import { reasonsHolding, type HeldReason } from './reason-check';

type OrderRow = typeof dispatchOrders.$inferSelect;
type EventRow = typeof dispatchEvents.$inferSelect;

export interface DispatchFeedback {
  at: string;
  text: string;
  askClose: boolean;
  actor: string;
  files: { id: number; name: string; size: number }[];
}

export interface DispatchCopyView extends DispatchCopyAt {
  county: string;
  countyName: string;
  signedAt: string | null;
  closedAt: string | null;
  statusText: string;
  feedback: DispatchFeedback[];
  history: { action: EventRow['action']; at: string; actor: string; text: string | null }[];
  /** The linked lagging reasons that still hold in the data at the as-of day (closed or not: 办结但问题仍在). */
  stillHolds?: HeldReason[];
}

export interface DispatchOrderView {
  id: number;
  issuerUnit: string;
  issuerName: string;
  title: string;
  matter: string;
  level: 'normal' | 'key';
  deadline: string;
  issuedOn: string;
  issuedAt: string;
  actor: string;
  quotes: DispatchQuote[];
  copies: DispatchCopyView[];
}

function copyView(
  deadline: string,
  county: { code: string; name: string },
  events: EventRow[],
  files: (typeof dispatchFiles.$inferSelect)[],
  asOf: string,
): DispatchCopyView {
  const folded = dispatchCopyAt(events, deadline, asOf);
  const lastOf = (action: EventRow['action']) => events.filter((e) => e.action === action).at(-1)?.at ?? null;
  return {
    ...folded,
    county: county.code,
    countyName: county.name,
    signedAt: folded.signedOn ? lastOf('sign') : null,
    closedAt: folded.closedOn ? lastOf('close') : null,
    statusText: dispatchStatusText(folded),
    feedback: events
      .filter((e) => e.action === 'feedback')
      .map((e) => ({
        at: e.at,
        text: e.text ?? '',
        askClose: e.askClose,
        actor: e.actor,
        files: files.filter((f) => f.eventId === e.id).map((f) => ({ id: f.id, name: f.name, size: f.size })),
      })),
    history: events.map((e) => ({ action: e.action, at: e.at, actor: e.actor, text: e.text })),
  };
}

/** Orders as known at the end of `asOf`, each with the copies of counties inside `unit` (and the viewer's scope). */
export async function dispatchOrdersAt(
  ctx: Ctx<'campaign'>,
  unit: string,
  asOf: string,
  orderIds?: number[],
): Promise<DispatchOrderView[]> {
  const { db, campaign } = ctx;
  const end = endOfBeijingDay(asOf);
  const copyRows = (
    await db
      .select({
        id: dispatchCopies.id,
        orderId: dispatchCopies.orderId,
        county: dispatchCopies.countyCode,
        name: orgUnits.name,
      })
      .from(dispatchCopies)
      .innerJoin(orgUnits, eq(orgUnits.code, dispatchCopies.countyCode))
      .where(and(eq(dispatchCopies.campaignCode, campaign.code), like(dispatchCopies.countyCode, `${unit}%`)))
      .orderBy(asc(dispatchCopies.id))
      .all()
  ).filter((c) => !orderIds || orderIds.includes(c.orderId));
  if (copyRows.length === 0) return [];
  const ids = [...new Set(copyRows.map((c) => c.orderId))];
  // Ordered by id so orders issued at the same instant keep one order on either engine.
  const orders = (
    await db.select().from(dispatchOrders).where(inArray(dispatchOrders.id, ids)).orderBy(asc(dispatchOrders.id)).all()
  ).filter((o) => o.issuedAt < end);
  const events = (
    await db
      .select()
      .from(dispatchEvents)
      .where(
        inArray(
          dispatchEvents.copyId,
          copyRows.map((c) => c.id),
        ),
      )
      .orderBy(asc(dispatchEvents.at), asc(dispatchEvents.id))
      .all()
  ).filter((e) => e.at < end);
  const files = await db
    .select()
    .from(dispatchFiles)
    .where(
      inArray(
        dispatchFiles.copyId,
        copyRows.map((c) => c.id),
      ),
    )
    .orderBy(asc(dispatchFiles.id))
    .all();
  const names = new Map(
    (
      await db
        .select({ code: orgUnits.code, name: orgUnits.name })
        .from(orgUnits)
        .where(
          inArray(
            orgUnits.code,
            orders.map((o) => o.issuerUnit),
          ),
        )
        .all()
    ).map((u) => [u.code, u.name]),
  );
  const held = new Map<number, Map<string, HeldReason[]>>();
  for (const o of orders) held.set(o.id, await reasonsHolding(ctx, JSON.parse(o.quotes) as DispatchQuote[], asOf));
  return orders
    .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))
    .map((o) => ({
      ...orderHead(o, names.get(o.issuerUnit) ?? o.issuerUnit),
      quotes: (JSON.parse(o.quotes) as DispatchQuote[]).filter((q) => isWithin(q.county, unit)),
      copies: copyRows
        .filter((c) => c.orderId === o.id)
        .map((c) => ({
          ...copyView(
            o.deadline,
            { code: c.county, name: c.name },
            events.filter((e) => e.copyId === c.id),
            files,
            asOf,
          ),
          stillHolds: held.get(o.id)?.get(c.county) ?? [],
        })),
    }));
}

function orderHead(o: OrderRow, issuerName: string) {
  return {
    id: o.id,
    issuerUnit: o.issuerUnit,
    issuerName,
    title: o.title,
    matter: o.matter,
    level: o.level,
    deadline: o.deadline,
    issuedOn: beijingDate(o.issuedAt),
    issuedAt: o.issuedAt,
    actor: o.actor,
  };
}

/** One order as the viewer may see it: the issuer sees every copy, a county only its own. */
export async function dispatchOrderAt(
  ctx: Ctx<'campaign'>,
  id: number,
  viewerScope: string,
  asOf: string,
): Promise<DispatchOrderView> {
  const order = await orderById(ctx, id);
  const [view] = await dispatchOrdersAt(ctx, viewerScope, asOf, [id]);
  if (!view || view.copies.length === 0) {
    if (order.issuedAt >= endOfBeijingDay(asOf)) throw new DomainError('not_found', `督办单 ${id} 在 ${asOf} 尚未下发`);
    throw unseenOrder(id);
  }
  return view;
}

export async function orderById(ctx: Ctx<'campaign'>, id: number): Promise<OrderRow> {
  const order = await ctx.db
    .select()
    .from(dispatchOrders)
    .where(and(eq(dispatchOrders.campaignCode, ctx.campaign.code), eq(dispatchOrders.id, id)))
    .get();
  if (!order) throw unseenOrder(id);
  return order;
}

export async function copyOf(ctx: Ctx<'campaign'>, id: number, county: string) {
  const copy = (
    await ctx.db
      .select()
      .from(dispatchCopies)
      .where(and(eq(dispatchCopies.campaignCode, ctx.campaign.code), eq(dispatchCopies.orderId, id)))
      .all()
  ).find((c) => c.countyCode === county);
  if (!copy) throw unseenOrder(id);
  return copy;
}

export async function copyEvents(ctx: Ctx, copyId: number, before?: string): Promise<EventRow[]> {
  const rows = await ctx.db
    .select()
    .from(dispatchEvents)
    .where(eq(dispatchEvents.copyId, copyId))
    .orderBy(asc(dispatchEvents.at), asc(dispatchEvents.id))
    .all();
  return before ? rows.filter((e) => e.at < before) : rows;
}
