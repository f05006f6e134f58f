import type { TodoItem } from '../todo/items';
import type { Ctx } from '../context';
import { dispatchOrdersAt } from './read';

/** What the orders ask of this user at `asOf`: a county signs and answers; the issuer reviews answers. */
export async function dispatchTodo(
  ctx: Ctx<'campaign'>,
  scope: string,
  asOf: string,
  role: 'county' | 'issuer',
): Promise<TodoItem[]> {
  return (await dispatchOrdersAt(ctx, scope, asOf)).flatMap((order) =>
    order.copies
      .filter((c) =>
        role === 'county'
          ? c.state === 'issued' || c.state === 'signed'
          : c.state === 'feedback' && order.issuerUnit === scope,
      )
      .map((c) => ({
        kind: 'dispatch' as const,
        title:
          role === 'county'
            ? `${c.state === 'issued' ? '签收' : '办理并反馈'}督办单：${order.title}`
            : `复核${c.countyName}对督办单“${order.title}”的反馈`,
        unitCode: c.county,
        dueOn: order.deadline,
        overdue: c.light === 'red' || (c.state === 'issued' && c.lateSigning),
        note: `${c.statusText}${c.lastReason ? `；退回原因：${c.lastReason}` : ''}`,
        orderId: order.id,
      })),
  );
}
