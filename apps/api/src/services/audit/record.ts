import { sql } from 'drizzle-orm';
import { auditLog } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import { preparedFor } from '../../db/prepared';
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

// Most writes audit one change: that statement is built once per database.
const entryAppend = preparedFor((db) =>
  db
    .insert(auditLog)
    .values({
      at: sql.placeholder('at'),
      actorId: sql.placeholder('actorId'),
      actor: sql.placeholder('actor'),
      action: sql.placeholder('action'),
      entity: sql.placeholder('entity'),
      entityId: sql.placeholder('entityId'),
      unitCode: sql.placeholder('unitCode'),
      period: sql.placeholder('period'),
      field: sql.placeholder('field'),
      oldValue: sql.placeholder('oldValue'),
      newValue: sql.placeholder('newValue'),
      address: sql.placeholder('address'),
    })
    .prepare(),
);

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
  if (rows.length === 1) await entryAppend(ctx.db).run(rows[0]);
  else await bulkInsert(ctx.db, auditLog, rows);
}
