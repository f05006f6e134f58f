import type { Ctx } from '../context';
import { provinceStatusAt } from '../known/status-at';
import type { DispatchQuote } from './quotes';

export interface HeldReason {
  code: string;
  /** The reason as the data states it at the day asked (its figures may have moved since the issue day). */
  text: string;
}

/**
 * The lagging reasons an order was opened from that still hold in the data at the end of `asOf`, per county:
 * a closure is checked against the figures, not only against the county's word.
 */
export async function reasonsHolding(
  ctx: Ctx<'campaign'>,
  quotes: DispatchQuote[],
  asOf: string,
): Promise<Map<string, HeldReason[]>> {
  const linked = quotes.filter((q) => q.kind === 'reason');
  const out = new Map<string, HeldReason[]>();
  if (linked.length === 0) return out;
  const status = await provinceStatusAt(ctx, asOf);
  for (const q of linked) {
    const now = status.counties.find((c) => c.code === q.county)?.reasons.find((r) => r.code === q.code);
    if (now) out.set(q.county, [...(out.get(q.county) ?? []), { code: now.code, text: now.text }]);
  }
  return out;
}
