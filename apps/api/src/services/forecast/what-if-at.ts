import { whatIf, type WhatIf } from '@dudao/metrics';
import type { Ctx } from '../context';
import { readKnownAt, supervisionJudged, supervisionStart } from '../known/read';
import { provinceStatusAt } from '../known/status-at';
import { DomainError } from '../errors';

/** The what-if of one county at the end of `asOf`, on exactly the inputs the status of that day is computed from. */
export async function whatIfAt(ctx: Ctx<'campaign'>, countyCode: string, asOf: string): Promise<WhatIf> {
  const { campaign } = ctx;
  const lagging = supervisionJudged(campaign, asOf)
    ? new Map((await provinceStatusAt(ctx, supervisionStart(campaign)!)).counties.map((c) => [c.code, c.lagging]))
    : null;
  const input = await readKnownAt(ctx, campaign.province, asOf, lagging);
  if (!input.counties.some((c) => c.code === countyCode))
    throw new DomainError('not_found', `县区 ${countyCode} 不存在`);
  return whatIf(input, countyCode);
}
