import { and, eq } from 'drizzle-orm';
import { notices, users, type Role } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import type { Ctx } from '../context';
import { enqueueNotice } from '../notify/enqueue';

export interface NoticeInput {
  kind: string;
  title: string;
  body: string;
  unitCode?: string;
  period?: string;
}

/** Writes one notice for every active user holding `role` over exactly `scopeCode`; returns how many got it. */
export async function notifyRole(
  ctx: Ctx<'campaign'>,
  role: Role,
  scopeCode: string,
  notice: NoticeInput,
  at: string,
): Promise<number> {
  const { db, campaign } = ctx;
  const recipients = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, role), eq(users.scopeCode, scopeCode), eq(users.disabled, false)))
    .all();
  await bulkInsert(
    db,
    notices,
    recipients.map((u) => ({
      campaignCode: campaign.code,
      userId: u.id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      unitCode: notice.unitCode ?? null,
      period: notice.period ?? null,
      createdAt: at,
    })),
  );
  // The same notice leaves by the channels each recipient chose, in this same transaction (the outbox).
  await enqueueNotice(
    ctx,
    recipients.map((u) => u.id),
    { ...notice, unitCode: notice.unitCode ?? scopeCode },
    at,
  );
  return recipients.length;
}
