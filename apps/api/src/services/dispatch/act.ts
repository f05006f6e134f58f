import { and, eq, inArray, isNull } from 'drizzle-orm';
import { canApply, dispatchCopyAt, type DispatchAction } from '@dudao/metrics';
import { dispatchEvents, dispatchFiles } from '@dudao/schema/tables';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { notifyRole } from '../notices/notify';
import { isWithin } from '../org/units';
import { beijingDate } from '@dudao/schema/campaign';
import { copyEvents, copyOf, orderById } from './read';
import { reasonsHolding } from './reason-check';
import type { DispatchQuote } from './quotes';

type CopyAction = Exclude<DispatchAction, 'issue'>;

const refusal: Record<CopyAction, string> = {
  sign: '该督办单已签收，无需重复签收',
  feedback: '须先签收督办单，且上次反馈尚未复核时不能再次反馈',
  sendBack: '只有已反馈的督办单可以退回',
  close: '只有已反馈的督办单可以办结',
};
const stateAfter: Record<CopyAction, string> = {
  sign: 'signed',
  feedback: 'feedback',
  sendBack: 'signed',
  close: 'closed',
};

export interface CopyActionInput {
  id: number;
  county: string;
  text?: string;
  askClose?: boolean;
  files?: number[];
}

async function attachFiles(ctx: Ctx, copyId: number, eventId: number, files: number[]): Promise<void> {
  if (files.length === 0) return;
  const pending = await ctx.db
    .select({ id: dispatchFiles.id })
    .from(dispatchFiles)
    .where(and(eq(dispatchFiles.copyId, copyId), isNull(dispatchFiles.eventId), inArray(dispatchFiles.id, files)))
    .all();
  const missing = files.filter((f) => !pending.some((p) => p.id === f));
  if (missing.length)
    throw new DomainError('bad_request', `附件：${missing.length} 个所选附件不是本督办单待提交的附件，请重新上传`);
  for (const f of pending) await ctx.db.update(dispatchFiles).set({ eventId }).where(eq(dispatchFiles.id, f.id)).run();
}

/** 签收 / 反馈 by the county; 退回 / 办结 by the issuer (or the province) — each an appended event, audited and notified. */
export async function actOnCopy(
  ctx: Ctx<'campaign' | 'actor'>,
  action: CopyAction,
  input: CopyActionInput,
  given?: string,
): Promise<{ state: string }> {
  const locks = [lockOn.dispatchCopy(ctx.campaign.code, input.id, input.county)];
  return stampedWrite(ctx, { at: given, locks }, async (ctx, at) => {
    const { db, campaign, actor } = ctx;
    const order = await orderById(ctx, input.id);
    const copy = await copyOf(ctx, input.id, input.county);
    if ((action === 'close' || action === 'sendBack') && !isWithin(order.issuerUnit, actor.scopeCode)) {
      throw new DomainError('forbidden', '只有下发单位可以退回或办结督办单');
    }
    const events = await copyEvents(ctx, copy.id);
    const now = dispatchCopyAt(events, order.deadline, beijingDate(at));
    if (events.some((e) => e.at > at))
      throw new DomainError('conflict', '该督办单已有更晚的办理记录，不能补记更早的操作');
    if (!canApply(now.state, action)) throw new DomainError('conflict', refusal[action]);
    if (action === 'close' && !input.text?.trim()) {
      const quotes = JSON.parse(order.quotes) as DispatchQuote[];
      const held = (await reasonsHolding(ctx, quotes, beijingDate(at))).get(input.county) ?? [];
      if (held.length > 0)
        throw new DomainError(
          'bad_request',
          `确认办结的理由：督办所针对的问题在数据中仍然存在（${held.map((r) => r.text).join('；')}），办结须填写确认理由`,
        );
    }
    const event = await db
      .insert(dispatchEvents)
      .values({
        campaignCode: campaign.code,
        copyId: copy.id,
        action,
        text: input.text ?? null,
        askClose: action === 'feedback' && input.askClose === true,
        at,
        actorId: actor.id,
        actor: actor.label,
      })
      .returning({ id: dispatchEvents.id })
      .get();
    if (action === 'feedback') await attachFiles(ctx, copy.id, event.id, input.files ?? []);
    await recordAudit(ctx, at, [
      {
        action: `dispatch.${action}`,
        entity: 'dispatch_order',
        entityId: order.id,
        unitCode: input.county,
        field: 'state',
        oldValue: now.state,
        newValue: stateAfter[action],
      },
    ]);
    const notice = { title: `督办单：${order.title}`, unitCode: input.county };
    if (action === 'sendBack')
      await notifyRole(
        ctx,
        'county_clerk',
        input.county,
        { ...notice, kind: 'dispatch.sentBack', body: `反馈被退回：${input.text}` },
        at,
      );
    if (action === 'close')
      await notifyRole(
        ctx,
        'county_clerk',
        input.county,
        { ...notice, kind: 'dispatch.closed', body: '督办事项已办结。' },
        at,
      );
    if (action === 'feedback')
      await notifyRole(
        ctx,
        order.issuerUnit.length === 2 ? 'province_admin' : 'city_officer',
        order.issuerUnit,
        {
          ...notice,
          kind: 'dispatch.feedback',
          body: input.askClose ? '县区已反馈并申请办结，请复核。' : '县区已反馈办理进展。',
        },
        at,
      );
    return { state: stateAfter[action] };
  });
}
