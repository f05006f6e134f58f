import { dispatchCountRules, dispatchCounts, type DispatchCounts } from '@dudao/metrics';
import type { Ctx } from '../context';
import { urgeTotals } from '../urge/counts';
import { dispatchOrdersAt } from './read';

export interface DispatchSummary {
  counts: DispatchCounts;
  urges: number;
  /** Sentences for 存在的问题 and the 督导通报, each figure with its unit. */
  lines: string[];
}

/** The orders and urges of `unit` as known at the end of `asOf`: the one home of the overview counts and the documents' lines. */
export async function dispatchSummary(ctx: Ctx<'campaign'>, unit: string, asOf: string): Promise<DispatchSummary> {
  const { campaign } = ctx;
  const copies = (await dispatchOrdersAt(ctx, unit, asOf)).flatMap((o) =>
    o.copies.map((c) => ({ ...c, title: o.title })),
  );
  const counts = dispatchCounts(copies);
  const urges = await urgeTotals(ctx, unit, asOf);
  const lines: string[] = [];
  if (counts.issued > 0) {
    lines.push(`累计下发督办单${counts.issued}件次，按期办结${counts.closedOnTime}件次，逾期${counts.overdue}件次。`);
    const red = copies.filter(dispatchCountRules.redNow);
    if (red.length)
      lines.push(
        `超过办理期限仍未办结的督办事项有${red.map((c) => `${c.countyName}“${c.title}”`).join('、')}，共${red.length}件次。`,
      );
    const unsigned = copies.filter(dispatchCountRules.lateSigning);
    if (unsigned.length)
      lines.push(
        `超过2个工作日未签收督办单的有${unsigned.map((c) => c.countyName).join('、')}，共${unsigned.length}件次。`,
      );
  }
  if (urges > 0) lines.push(`因${campaign.reportName}、台账或总结迟报、漏报被催报${urges}次。`);
  return { counts, urges, lines };
}
