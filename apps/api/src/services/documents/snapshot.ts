import type { Snapshot } from '@dudao/documents';
import { firstReportDue } from '@dudao/metrics';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { provinceStatusAt } from '../known/status-at';
import { forecastsAt } from '../forecast/forecast-at';
import { knownDispatchCounts } from './dispatch-known';
import { knownNarratives } from './narratives-known';
import { knownSupervision } from './supervision-known';

/** The one read a document needs: everything it says about `asOf`, read here so the documents never touch the database. */
export async function snapshotAt(ctx: Ctx<'campaign'>, asOf: string): Promise<Snapshot> {
  const { campaign } = ctx;
  // A definition installed before documents took their texts from it has none to write with.
  if (!campaign.documents)
    throw new DomainError(
      'conflict',
      `活动 ${campaign.code} 的已安装版本缺少公文固定文字，请先运行 pnpm cli campaign install campaigns/${campaign.code}.yaml 安装新版本`,
    );
  const status = await provinceStatusAt(ctx, asOf);
  const start = firstReportDue(campaign);
  const baseline = asOf > start ? await provinceStatusAt(ctx, start) : null;
  const narratives = await knownNarratives(ctx, campaign.province, asOf);
  const dispatch = await knownDispatchCounts(ctx, asOf);
  const supervision = await knownSupervision(ctx, campaign.province, asOf);
  const forecasts = await forecastsAt(ctx, asOf);
  return { campaign, asOf, status, baseline, narratives, dispatch, supervision, forecasts };
}
