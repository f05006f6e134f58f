import { rosterColumns } from '@dudao/schema/inputs';
import type { Db } from '../../src/db/client';
import type { Ctx } from '../../src/services/context';
import { villagesOf } from '../../src/services/org/units';

export type RosterCells = (string | number)[];

/** One row per village of the county, each with one part-time coordinator and 30 recipients unless patched. */
export async function rosterFor(
  db: Db,
  county: string,
  patch: (row: RosterCells, index: number) => RosterCells = (r) => r,
): Promise<RosterCells[]> {
  const header = rosterColumns.map((c) => c.header);
  const ctx: Ctx = { db };
  const rows = (await villagesOf(ctx, county)).map((v, i) => patch([v.code, v.name, 30, '是', 1, 0, 1200, 0], i));
  return [header, ...rows];
}
