import { and, eq } from 'drizzle-orm';
import { notices, users, type Role } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import type { DbOrTx } from '../../db/client';
import type { CampaignRef } from '../campaign/ref';

export interface NoticeInput {
  kind: string;
  title: string;
  body: string;
  unitCode?: string;
  period?: string;
}

/** Writes one notice for every active user holding `role` over exactly `scopeCode`; returns how many got it. */
export function notifyRole(db: DbOrTx, campaign: CampaignRef, role: Role, scopeCode: string, notice: NoticeInput, at: string): number {
  const recipients = db.select({ id: users.id }).from(users).where(and(eq(users.role, role), eq(users.scopeCode, scopeCode), eq(users.disabled, false))).all();
  bulkInsert(
    db,
    notices,
    recipients.map((u) => ({ campaignCode: campaign.code, userId: u.id, kind: notice.kind, title: notice.title, body: notice.body, unitCode: notice.unitCode ?? null, period: notice.period ?? null, createdAt: at })),
  );
  return recipients.length;
}
