import { and, asc, eq, inArray } from 'drizzle-orm';
import { chineseDate, dispatchCopyAt, type DispatchAction } from '@dudao/metrics';
import { addDays, endOfBeijingDay } from '@dudao/schema/campaign';
import { dispatchCopies, dispatchEvents, dispatchOrders, orgUnits } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { enqueueNotice } from './enqueue';
import { usersByScope } from './recipients';

/**
 * 督办 events that happen by the calendar, not by anyone's write: a copy turning yellow or red on `day`, and a
 * copy passing its 2 working days unsigned (逾期未签收). Each goes to the county's clerks and the issuer's officers.
 */
export async function enqueueDispatchTurns(ctx: Ctx<'campaign'>, day: string, at: string): Promise<number> {
  const { db, campaign } = ctx;
  const end = endOfBeijingDay(day);
  const orders = (
    await db.select().from(dispatchOrders).where(eq(dispatchOrders.campaignCode, campaign.code)).all()
  ).filter((o) => o.issuedAt < end);
  if (!orders.length) return 0;
  const copies = await db
    .select({
      id: dispatchCopies.id,
      orderId: dispatchCopies.orderId,
      county: dispatchCopies.countyCode,
      name: orgUnits.name,
    })
    .from(dispatchCopies)
    .innerJoin(orgUnits, eq(orgUnits.code, dispatchCopies.countyCode))
    .where(
      and(
        eq(dispatchCopies.campaignCode, campaign.code),
        inArray(
          dispatchCopies.orderId,
          orders.map((o) => o.id),
        ),
      ),
    )
    .all();
  const events = await db
    .select()
    .from(dispatchEvents)
    .where(
      inArray(
        dispatchEvents.copyId,
        copies.map((c) => c.id),
      ),
    )
    .orderBy(asc(dispatchEvents.at), asc(dispatchEvents.id))
    .all();
  const byCopy = new Map<number, { action: DispatchAction; at: string; text: string | null; askClose: boolean }[]>();
  for (const e of events.filter((e) => e.at < end))
    byCopy.set(e.copyId, [
      ...(byCopy.get(e.copyId) ?? []),
      { action: e.action, at: e.at, text: e.text, askClose: e.askClose },
    ]);
  const clerks = await usersByScope(ctx, 'county_clerk', [...new Set(copies.map((c) => c.county))]);
  const orderOf = new Map(orders.map((o) => [o.id, o]));
  let written = 0;
  for (const copy of copies) {
    const order = orderOf.get(copy.orderId)!;
    const evts = byCopy.get(copy.id) ?? [];
    if (!evts.length) continue;
    const now = dispatchCopyAt(evts, order.deadline, day);
    const before = dispatchCopyAt(
      evts.filter((e) => e.at < endOfBeijingDay(addDays(day, -1))),
      order.deadline,
      addDays(day, -1),
    );
    const turns: { slot: string; title: string; body: string }[] = [];
    if (now.light !== before.light && (now.light === 'yellow' || now.light === 'red'))
      turns.push({
        slot: now.light,
        title: `督办单${now.light === 'red' ? '亮红灯' : '亮黄灯'}：${order.title}`,
        body:
          now.light === 'red'
            ? `${copy.name}：督办单“${order.title}”已超过办理期限（${chineseDate(order.deadline)}），尚未办结。`
            : `${copy.name}：督办单“${order.title}”距办理期限（${chineseDate(order.deadline)}）还剩 ${now.remaining} 个工作日，尚未办结。`,
      });
    if (now.lateSigning && !before.lateSigning)
      turns.push({
        slot: 'lateSigning',
        title: `逾期未签收：${order.title}`,
        body: `${copy.name}：督办单“${order.title}”下发已超过 2 个工作日，尚未签收，请即签收办理。`,
      });
    for (const turn of turns) {
      const key = `light:${campaign.code}:${copy.id}:${turn.slot}`;
      const notice = { kind: `dispatch.${turn.slot}`, title: turn.title, body: turn.body };
      written += await enqueueNotice(
        ctx,
        clerks.get(copy.county) ?? [],
        { ...notice, unitCode: copy.county, key: `${key}:county` },
        at,
      );
      const issuerRole = order.issuerUnit.length === 2 ? 'province_admin' : 'city_officer';
      const issuers = (await usersByScope(ctx, issuerRole, [order.issuerUnit])).get(order.issuerUnit) ?? [];
      written += await enqueueNotice(ctx, issuers, { ...notice, unitCode: order.issuerUnit, key: `${key}:issuer` }, at);
    }
  }
  return written;
}
