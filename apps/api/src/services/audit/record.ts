import { auditLog } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import type { Ctx } from '../context';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  unitCode?: string | null;
  period?: string | null;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  /** Source address, for sign-in events. */
  address?: string | null;
}

export async function recordAudit(ctx: Ctx<'actor'>, at: string, entries: AuditInput[]): Promise<void> {
  const { actor } = ctx;
  // An entry that changes nothing (old equals new) is not a change and would only bury the real ones.
  const changes = entries.filter((e) => e.oldValue == null || e.oldValue !== e.newValue);
  if (changes.length === 0) return;
  const rows = changes.map((e) => ({
    at,
    actorId: actor.id,
    actor: actor.label,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    unitCode: e.unitCode ?? null,
    period: e.period ?? null,
    field: e.field ?? null,
    oldValue: e.oldValue ?? null,
    newValue: e.newValue ?? null,
    address: e.address ?? null,
  }));
  if (rows.length === 1) await ctx.db.insert(auditLog).values(rows).run();
  else await bulkInsert(ctx.db, auditLog, rows);
}
