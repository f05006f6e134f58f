import type { CountyStatus } from '@dudao/metrics';
import { paragraph, type Block } from './content';
import { dispatchOrdersAt } from '../dispatch/read';
import { urgeCounts } from '../urge/counts';
import type { Ctx } from '../context';

/** Dispatch orders (督办单) of one county known at the date: how many were issued, how many are still open, how often it was urged. */
export interface DispatchCount {
  countyCode: string;
  issued: number;
  open: number;
  /** 催报 / 催办 of its reports, roster and orders. */
  urged: number;
  /** Closed copies whose linked lagging reason still holds in the data at the date (办结但问题仍在). */
  closedStillHolding?: number;
}

/** The one place documents read dispatch orders and urges from: every county copy and urge known at the document's date (`asOf`). */
export async function knownDispatchCounts(ctx: Ctx<'campaign'>, asOf: string): Promise<DispatchCount[]> {
  const { province } = ctx.campaign;
  const byCounty = new Map<string, DispatchCount>();
  for (const order of await dispatchOrdersAt(ctx, province, asOf)) {
    for (const copy of order.copies) {
      const count = byCounty.get(copy.county) ?? { countyCode: copy.county, issued: 0, open: 0, urged: 0 };
      count.issued += 1;
      if (copy.state !== 'closed') count.open += 1;
      if (copy.state === 'closed' && (copy.stillHolds?.length ?? 0) > 0)
        count.closedStillHolding = (count.closedStillHolding ?? 0) + 1;
      byCounty.set(copy.county, count);
    }
  }
  for (const urge of await urgeCounts(ctx, province, asOf)) {
    if (urge.kind === 'summary') continue;
    const count = byCounty.get(urge.unit) ?? { countyCode: urge.unit, issued: 0, open: 0, urged: 0 };
    count.urged += urge.count;
    byCounty.set(urge.unit, count);
  }
  return [...byCounty.values()];
}

/** '（五）督促调度事项尚未全部落实。' for 存在的问题 and the 通报, or nothing when no order is open and nobody was urged. */
export function dispatchProblem(
  counts: DispatchCount[],
  counties: CountyStatus[],
  label: (c: CountyStatus) => string,
  lead: string,
  title: string,
  reportName: string,
): Block | null {
  const mine = counts.filter((d) => counties.some((c) => c.code === d.countyCode));
  const name = (d: DispatchCount) => label(counties.find((c) => c.code === d.countyCode)!);
  const open = mine.filter((d) => d.open > 0);
  const urged = mine.filter((d) => d.urged > 0);
  const stillThere = mine.filter((d) => (d.closedStillHolding ?? 0) > 0);
  if (open.length === 0 && urged.length === 0 && stillThere.length === 0) return null;
  const sentences: string[] = [];
  if (open.length > 0) {
    const issued = mine.reduce((s, d) => s + d.issued, 0);
    sentences.push(`已下发督办单${issued}件次，尚未办结的有${open.map((d) => `${name(d)}${d.open}件`).join('、')}。`);
  }
  // Counted apart: closed on the reviewer's word while the figures still show the problem.
  if (stillThere.length > 0)
    sentences.push(
      `已办结但问题仍在的有${stillThere.map((d) => `${name(d)}${d.closedStillHolding}件`).join('、')}（按数据核对）。`,
    );
  if (urged.length > 0)
    sentences.push(
      `${reportName}、台账或督办事项经催报、催办的有${urged.map((d) => `${name(d)}${d.urged}次`).join('、')}。`,
    );
  return paragraph(sentences.join(''), { level: 2, text: `${lead}${title}。` });
}
