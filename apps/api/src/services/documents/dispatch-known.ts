import type { DispatchCount } from '@dudao/documents';
import { countyDispatch } from '@dudao/metrics';
import { dispatchOrdersAt } from '../dispatch/read';
import { urgeCounts } from '../urge/counts';
import type { Ctx } from '../context';

/** The one place documents read dispatch orders and urges from; the counting is the metrics' (`countyDispatch`). */
export async function knownDispatchCounts(ctx: Ctx<'campaign'>, asOf: string): Promise<DispatchCount[]> {
  const { province } = ctx.campaign;
  const copies = (await dispatchOrdersAt(ctx, province, asOf)).flatMap((order) =>
    order.copies.map((copy) => ({
      county: copy.county,
      state: copy.state,
      stillHolds: (copy.stillHolds?.length ?? 0) > 0,
    })),
  );
  return countyDispatch(copies, await urgeCounts(ctx, province, asOf));
}
