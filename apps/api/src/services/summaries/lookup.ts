import { eq } from 'drizzle-orm';
import { generatedReports } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';

export function documentUnit(db: DbOrTx, id: number): string | undefined {
  return db.select({ unit: generatedReports.unitCode }).from(generatedReports).where(eq(generatedReports.id, id)).get()?.unit;
}
