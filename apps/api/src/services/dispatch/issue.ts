import { chineseDate, workingDaysBetween } from '@dudao/metrics';
import { beijingDate, type CampaignDef } from '@dudao/schema/campaign';
import { dispatchCopies, dispatchEvents, dispatchOrders } from '@dudao/schema/tables';
import { stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { notifyRole } from '../notices/notify';
import { getUnit, isWithin } from '../org/units';
import { quoteLinks, type DispatchLink } from './quotes';

export interface IssueInput {
  counties: string[];
  title: string;
  matter: string;
  level: 'normal' | 'key';
  deadline: string;
  links?: DispatchLink[];
}

function checkDeadline(campaign: CampaignDef, issuedOn: string, deadline: string): void {
  if (deadline < campaign.start || deadline > campaign.end)
    throw new DomainError(
      'bad_request',
      `办理期限：${chineseDate(deadline)}不在行动期内（${chineseDate(campaign.start)}至${chineseDate(campaign.end)}）`,
    );
  if (deadline <= issuedOn || workingDaysBetween(issuedOn, deadline) < 1)
    throw new DomainError(
      'bad_request',
      `办理期限：${chineseDate(deadline)}至少应在下发日${chineseDate(issuedOn)}之后一个工作日`,
    );
}

/** 交办: one order, one copy per county, each copy starting with its issue event; the clerks get a notice. */
export async function issueDispatch(
  ctx: Ctx<'campaign' | 'actor'>,
  input: IssueInput,
  given?: string,
): Promise<{ id: number }> {
  // A new order judges no record: two orders issued at once are two orders.
  return stampedWrite(ctx, { at: given, locks: [] }, async (ctx, at) => {
    const { db, campaign, actor } = ctx;
    const counties = [...new Set(input.counties)];
    for (const code of counties) {
      const unit = await getUnit(ctx, code);
      if (unit?.level !== 'county' || !isWithin(code, campaign.province))
        throw new DomainError('bad_request', `督办县区：${code} 不是本省的县级单位`);
      if (!isWithin(code, actor.scopeCode))
        throw new DomainError('forbidden', `无权向管辖范围以外的县区下发督办单（${code}）`);
    }
    const issuedOn = beijingDate(at);
    checkDeadline(campaign, issuedOn, input.deadline);
    const quotes = await quoteLinks(ctx, counties, input.links ?? [], issuedOn);
    const order = await db
      .insert(dispatchOrders)
      .values({
        campaignCode: campaign.code,
        issuerUnit: actor.scopeCode,
        title: input.title,
        matter: input.matter,
        level: input.level,
        deadline: input.deadline,
        quotes: JSON.stringify(quotes),
        issuedAt: at,
        actorId: actor.id,
        actor: actor.label,
      })
      .returning({ id: dispatchOrders.id })
      .get();
    for (const county of counties) {
      const copy = await db
        .insert(dispatchCopies)
        .values({ campaignCode: campaign.code, orderId: order.id, countyCode: county })
        .returning({ id: dispatchCopies.id })
        .get();
      await db
        .insert(dispatchEvents)
        .values({
          campaignCode: campaign.code,
          copyId: copy.id,
          action: 'issue',
          at,
          actorId: actor.id,
          actor: actor.label,
        })
        .run();
      await notifyRole(
        ctx,
        'county_clerk',
        county,
        {
          kind: 'dispatch.issued',
          title: `督办单：${input.title}`,
          body: `请在 2 个工作日内签收，并于${chineseDate(input.deadline)}前反馈办理情况。`,
          unitCode: county,
        },
        at,
      );
    }
    await recordAudit(
      ctx,
      at,
      counties.map((county) => ({
        action: 'dispatch.issue',
        entity: 'dispatch_order',
        entityId: order.id,
        unitCode: county,
        field: 'state',
        newValue: 'issued',
      })),
    );
    return order;
  });
}
