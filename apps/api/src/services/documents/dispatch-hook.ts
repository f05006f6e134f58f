import type { CountyStatus } from '@dudao/metrics';
import { paragraph, type Block } from './content';
import { dispatchOrdersAt } from '../dispatch/read';
import type { Snapshot } from './snapshot';

/** Dispatch orders (督办单) of one county known at the date: how many were issued and how many are still open. */
export interface DispatchCount {
  countyCode: string;
  issued: number;
  open: number;
}

/** The one place documents read dispatch orders from: every county copy known at the document's date, counted. */
export function knownDispatchCounts(snapshot: Snapshot): DispatchCount[] {
  const byCounty = new Map<string, DispatchCount>();
  for (const order of dispatchOrdersAt(snapshot.db, snapshot.campaign.province, snapshot.asOf)) {
    for (const copy of order.copies) {
      const count = byCounty.get(copy.county) ?? { countyCode: copy.county, issued: 0, open: 0 };
      count.issued += 1;
      if (copy.state !== 'closed') count.open += 1;
      byCounty.set(copy.county, count);
    }
  }
  return [...byCounty.values()];
}

/** '（五）督办事项尚未全部办结。' for 存在的问题 and the 通报, or nothing when no order is open. */
export function dispatchProblem(counts: DispatchCount[], counties: CountyStatus[], label: (c: CountyStatus) => string, lead: string): Block | null {
  const open = counts.filter((d) => d.open > 0 && counties.some((c) => c.code === d.countyCode));
  if (open.length === 0) return null;
  const parts = open.map((d) => `${label(counties.find((c) => c.code === d.countyCode)!)}${d.open}件`);
  const issued = open.reduce((s, d) => s + d.issued, 0);
  return paragraph(`已下发督办单${issued}件次，尚未办结的有${parts.join('、')}。`, { level: 2, text: `${lead}督办事项尚未全部办结。` });
}
