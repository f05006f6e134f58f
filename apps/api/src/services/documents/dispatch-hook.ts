import type { CountyStatus } from '@dudao/metrics';
import { paragraph, type Block } from './content';
import type { Snapshot } from './snapshot';

/** Dispatch orders (交办单) of one county known at the date: how many were issued and how many are still open. */
export interface DispatchCount {
  countyCode: string;
  issued: number;
  open: number;
}

/**
 * The one place documents read dispatch orders from. Dudao records none yet (issue 12 adds them), so the list is
 * empty and the sentences below are left out of every document.
 */
export function knownDispatchCounts(_snapshot: Snapshot): DispatchCount[] {
  return [];
}

/** '（五）交办问题尚未全部办结。' for 存在的问题 and the 通报, or nothing when no order is open. */
export function dispatchProblem(counts: DispatchCount[], counties: CountyStatus[], label: (c: CountyStatus) => string, lead: string): Block | null {
  const open = counts.filter((d) => d.open > 0 && counties.some((c) => c.code === d.countyCode));
  if (open.length === 0) return null;
  const parts = open.map((d) => `${label(counties.find((c) => c.code === d.countyCode)!)}${d.open}件`);
  const issued = open.reduce((s, d) => s + d.issued, 0);
  return paragraph(`已下发交办单${issued}件，尚未办结的有${parts.join('、')}。`, { level: 2, text: `${lead}交办问题尚未全部办结。` });
}
