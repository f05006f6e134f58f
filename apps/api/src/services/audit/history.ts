import { and, desc, eq, like, lt, type SQL } from 'drizzle-orm';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { auditLog } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';

/** Who changed what, when, old → new, for a unit (and its units below), newest first, as recorded by the end of `asOf`. */
export function auditHistory(db: DbOrTx, query: { unit: string; asOf: string; period?: string; field?: string; limit?: number }) {
  const where: SQL[] = [like(auditLog.unitCode, `${query.unit}%`), lt(auditLog.at, endOfBeijingDay(query.asOf))];
  if (query.period) where.push(eq(auditLog.period, query.period));
  if (query.field) where.push(eq(auditLog.field, query.field));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit ?? 500)
    .all();
}
