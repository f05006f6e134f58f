import { auditLog } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../actor';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  unitCode?: string | null;
  period?: string | null;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
}

export function recordAudit(db: DbOrTx, actor: Actor, at: string, entries: AuditInput[]): void {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
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
  }));
  if (rows.length === 1) db.insert(auditLog).values(rows).run();
  else bulkInsert(db, auditLog, rows);
}
