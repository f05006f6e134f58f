import { and, desc, eq, like, lt, or, type SQL } from 'drizzle-orm';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { auditLog, type AuditEntry } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { DomainError } from '../errors';

export const AUDIT_PAGE = 500;

export interface AuditQuery {
  unit: string;
  /** Nothing recorded after the end of this day is shown. */
  asOf: string;
  period?: string;
  field?: string;
  /** `cursorOf` the last entry of the previous page: the page continues strictly after it. */
  cursor?: string;
  limit?: number;
}

/** Where the next page starts: time order is not id order (back-filled writes), so the cursor carries both. */
export const cursorOf = (entry: Pick<AuditEntry, 'at' | 'id'>) => `${entry.at}|${entry.id}`;

function afterCursor(cursor: string): SQL {
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d{1,12})$/.exec(cursor);
  if (!m) throw new DomainError('bad_request', '翻页位置无效，请从第一页重新查看');
  const [, at, id] = m as unknown as [string, string, string];
  return or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, Number(id))))!;
}

/** Who changed what, when, old → new, for a unit (and its units below), newest first, as recorded by the end of `asOf`, one page at a time. */
export async function auditHistory(ctx: Ctx, query: AuditQuery): Promise<AuditEntry[]> {
  const where: SQL[] = [like(auditLog.unitCode, `${query.unit}%`), lt(auditLog.at, endOfBeijingDay(query.asOf))];
  if (query.period) where.push(eq(auditLog.period, query.period));
  if (query.field) where.push(eq(auditLog.field, query.field));
  if (query.cursor) where.push(afterCursor(query.cursor));
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit ?? AUDIT_PAGE)
    .all();
}

/** Every entry of the query, page by page, for an auditor's export. */
export async function* allAuditHistory(
  ctx: Ctx,
  query: Omit<AuditQuery, 'cursor' | 'limit'>,
): AsyncGenerator<AuditEntry> {
  let cursor: string | undefined;
  for (;;) {
    const page = await auditHistory(ctx, { ...query, cursor, limit: 5000 });
    yield* page;
    if (page.length < 5000) return;
    cursor = cursorOf(page.at(-1)!);
  }
}
