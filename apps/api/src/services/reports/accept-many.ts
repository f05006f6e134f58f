import type { MonthlyReport } from '@dudao/schema/tables';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { periodText } from '@dudao/metrics';
import { DomainError } from '../errors';
import { getUnit } from '../org/units';
import { decideReport, type ReportRef } from './workflow';

/** 批量确认: all the chosen approved reports are accepted together, or none is (one stale or wrong-state report refuses the lot). */
export async function acceptMany(
  ctx: Ctx<'campaign' | 'actor'>,
  refs: (ReportRef & { version: number })[],
  given?: string,
) {
  const { campaign } = ctx;
  const keys = new Set(refs.map((r) => `${r.countyCode}-${r.period}`));
  if (keys.size !== refs.length)
    throw new DomainError('bad_request', `批量确认的${campaign.reportName}有重复，请刷新后重新选择`);
  const locks = refs.map((ref) => lockOn.report(campaign.code, ref));
  return stampedWrite(ctx, { at: given, locks }, async (ctx, at) => {
    const accepted: MonthlyReport[] = [];
    // One after another inside the transaction: the first refusal stops the lot before any later report is touched.
    for (const [i, ref] of refs.entries()) {
      try {
        accepted.push(await decideReport(ctx, ref, 'accept', at));
      } catch (e) {
        if (e instanceof DomainError) {
          const county = (await getUnit(ctx, ref.countyCode))?.name ?? ref.countyCode;
          throw new DomainError(
            e.kind,
            `第 ${i + 1} 份（${county}${periodText(ref.period)}${campaign.reportName}）：${e.message}，未确认任何${campaign.reportName}`,
            e.issues,
          );
        }
        throw e;
      }
    }
    return accepted;
  });
}
