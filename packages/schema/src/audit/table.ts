import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only: the services insert, nothing updates or deletes. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    unitCode: text('unit_code'),
    period: text('period'),
    field: text('field'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    /** Source address of sign-in events (login, failure, throttle, logout). */
    address: text('address'),
  },
  (t) => [index('audit_unit_idx').on(t.unitCode, t.period, t.field)],
);
export type AuditEntry = typeof auditLog.$inferSelect;
