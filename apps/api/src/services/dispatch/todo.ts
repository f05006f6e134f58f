import type { TodoItem } from '../todo/items';
import type { DbOrTx } from '../../db/client';
import type { CampaignRef } from '../campaign/ref';
import { dispatchOrdersAt } from './read';

/** What the orders ask of this user at `asOf`: a county signs and answers; the issuer reviews answers. */
export function dispatchTodo(db: DbOrTx, campaign: CampaignRef, scope: string, asOf: string, role: 'county' | 'issuer'): TodoItem[] {
  return dispatchOrdersAt(db, campaign, scope, asOf).flatMap((order) =>
    order.copies
      .filter((c) => (role === 'county' ? c.state === 'issued' || c.state === 'signed' : c.state === 'feedback' && order.issuerUnit === scope))
      .map((c) => ({
        kind: 'dispatch' as const,
        title: role === 'county' ? `${c.state === 'issued' ? '签收' : '办理并反馈'}督办单：${order.title}` : `复核${c.countyName}对督办单“${order.title}”的反馈`,
        unitCode: c.county,
        dueOn: order.deadline,
        overdue: c.light === 'red' || (c.state === 'issued' && c.lateSigning),
        note: `${c.statusText}${c.lastReason ? `；退回原因：${c.lastReason}` : ''}`,
        orderId: order.id,
      })),
  );
}
