import type { AnnexInput } from '@dudao/documents';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import type { Ctx } from '../context';
import { knownCaseLogs } from '../known/rows';
import { provinceStatusAt } from '../known/status-at';
import { listUnits } from '../org/units';
import { knownValueLines } from '../reports/export-values';

/** The annex's one read: the units' names, the values and case logs submitted by the end of `asOf`, the counties' status. */
export async function annexInput(ctx: Ctx<'campaign'>, unitCode: string, asOf: string): Promise<AnnexInput> {
  const { campaign } = ctx;
  const units = [
    ...(await listUnits(ctx, { level: 'city' })),
    ...(await listUnits(ctx, { level: 'county' })),
    ...(await listUnits(ctx, { level: 'province' })),
  ];
  const names = new Map(units.map((u) => [u.code, u.name]));
  const caseLogs = await knownCaseLogs(ctx, unitCode, endOfBeijingDay(asOf));
  const lines = await knownValueLines(ctx, unitCode, asOf);
  const { counties } = await provinceStatusAt(ctx, asOf);
  return { campaign, unitCode, asOf, names, lines, caseLogs, counties };
}
