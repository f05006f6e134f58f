import { and, eq } from 'drizzle-orm';
import { notices, users, type Role } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import type { Ctx } from '../context';

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
  return recipients.length;
}
