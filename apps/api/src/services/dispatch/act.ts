import { and, eq, inArray, isNull } from 'drizzle-orm';
import { canApply, dispatchCopyAt, type DispatchAction } from '@dudao/metrics';
import { dispatchEvents, dispatchFiles } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { CampaignRef } from '../campaign/ref';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { notifyRole } from '../notices/notify';
import { isWithin } from '../org/units';
import { beijingDate } from '@dudao/schema/campaign';
import { copyEvents, copyOf, orderById } from './read';

type CopyAction = Exclude<DispatchAction, 'issue'>;

const refusal: Record<CopyAction, string> = {
  sign: '该督办单已签收，无需重复签收',
  feedback: '须先签收督办单，且上次反馈尚未复核时不能再次反馈',
  sendBack: '只有已反馈的督办单可以退回',
  close: '只有已反馈的督办单可以办结',
};
const stateAfter: Record<CopyAction, string> = { sign: 'signed', feedback: 'feedback', sendBack: 'signed', close: 'closed' };

export interface CopyActionInput {
  id: number;
  county: string;
  text?: string;
  askClose?: boolean;
  files?: number[];
}

function attachFiles(db: DbOrTx, copyId: number, eventId: number, files: number[]): void {
  if (files.length === 0) return;
  const pending = db.select({ id: dispatchFiles.id }).from(dispatchFiles).where(and(eq(dispatchFiles.copyId, copyId), isNull(dispatchFiles.eventId), inArray(dispatchFiles.id, files))).all();
  const missing = files.filter((f) => !pending.some((p) => p.id === f));
  if (missing.length) throw new DomainError('bad_request', `附件（files）：${missing.join('、')} 不是本督办单待提交的附件`);
  for (const f of pending) db.update(dispatchFiles).set({ eventId }).where(eq(dispatchFiles.id, f.id)).run();
}

/** 签收 / 反馈 by the county; 退回 / 办结 by the issuer (or the province) — each an appended event, audited and notified. */
export function actOnCopy(db: DbOrTx, campaign: CampaignRef, action: CopyAction, input: CopyActionInput, actor: Actor, at: string): { state: string } {
  const order = orderById(db, campaign, input.id);
  const copy = copyOf(db, campaign, input.id, input.county);
  if ((action === 'close' || action === 'sendBack') && !isWithin(order.issuerUnit, actor.scopeCode)) {
    throw new DomainError('forbidden', '只有下发单位可以退回或办结督办单');
  }
  const events = copyEvents(db, copy.id);
  const now = dispatchCopyAt(events, order.deadline, beijingDate(at));
  if (events.some((e) => e.at > at)) throw new DomainError('conflict', '该督办单已有更晚的办理记录，不能补记更早的操作');
  if (!canApply(now.state, action)) throw new DomainError('conflict', refusal[action]);
  const event = db
    .insert(dispatchEvents)
    .values({ campaignCode: campaign.code, copyId: copy.id, action, text: input.text ?? null, askClose: action === 'feedback' && input.askClose === true, at, actorId: actor.id, actor: actor.label })
    .returning({ id: dispatchEvents.id })
    .get();
  if (action === 'feedback') attachFiles(db, copy.id, event.id, input.files ?? []);
  recordAudit(db, actor, at, [{ action: `dispatch.${action}`, entity: 'dispatch_order', entityId: order.id, unitCode: input.county, field: 'state', oldValue: now.state, newValue: stateAfter[action] }]);
  const notice = { title: `督办单：${order.title}`, unitCode: input.county };
  if (action === 'sendBack') notifyRole(db, campaign, 'county_clerk', input.county, { ...notice, kind: 'dispatch.sentBack', body: `反馈被退回：${input.text}` }, at);
  if (action === 'close') notifyRole(db, campaign, 'county_clerk', input.county, { ...notice, kind: 'dispatch.closed', body: '督办事项已办结。' }, at);
  if (action === 'feedback') notifyRole(db, campaign, order.issuerUnit.length === 2 ? 'province_admin' : 'city_officer', order.issuerUnit, { ...notice, kind: 'dispatch.feedback', body: input.askClose ? '县区已反馈并申请办结，请复核。' : '县区已反馈办理进展。' }, at);
  return { state: stateAfter[action] };
}
