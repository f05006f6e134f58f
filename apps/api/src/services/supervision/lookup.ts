import { eq } from 'drizzle-orm';
import { supervisionVisits } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';

export function visitCounty(db: DbOrTx, visitId: number): string | undefined {
  return db.select({ county: supervisionVisits.countyCode }).from(supervisionVisits).where(eq(supervisionVisits.id, visitId)).get()?.county;
}
