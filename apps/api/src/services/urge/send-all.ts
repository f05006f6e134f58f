import { chineseDate, latestDuePeriod, periodText } from '@dudao/metrics';
import type { Ctx } from '../context';
import { readClock } from '../clock/clock';
import { DomainError } from '../errors';
import { cutToUnit, provinceStatusAt } from '../known/status-at';
import { sendUrge } from './send';

/**
 * 一键催报: every county of `scope` (a city or the province) the metrics judge `missing` for the latest due period
 * today — the same counties the 未报送 list shows — urged once each.
 */
export async function urgeAllMissing(
  ctx: Ctx<'campaign' | 'actor'>,
  scope: string,
): Promise<{ period: string; counties: number; recipients: number }> {
  const { today } = await readClock(ctx);
  const period = latestDuePeriod(ctx.campaign, today);
  if (period === null)
    throw new DomainError('conflict', `截至${chineseDate(today)}尚无到期的${ctx.campaign.reportName}，无需催报`);
  const missing = cutToUnit(await provinceStatusAt(ctx, today), scope).counties.filter(
    (c) => c.timeliness === 'missing',
  );
  if (missing.length === 0)
    throw new DomainError('conflict', `${periodText(period)}${ctx.campaign.reportName}均已报送，无需催报`);
  let recipients = 0;
  for (const county of missing)
    recipients += (await sendUrge(ctx, { kind: 'report', unit: county.code, period })).recipients;
  return { period, counties: missing.length, recipients };
}
