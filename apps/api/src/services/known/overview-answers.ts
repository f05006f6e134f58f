import type { ReportState } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { dispatchSummary } from '../dispatch/summary';
import { reportsWithin } from '../reports/read';
import { supervisionOverview } from '../supervision/overview';
import { urgeCounts } from '../urge/counts';
import { pastAnswer } from './past-answers';

// The overview pages' answers other than status, each kept for a settled day (past-answers.ts). The routers and the
// start-up warm-up both ask through here, so what is warmed is exactly what a page asks for.

export function reportListAt(
  ctx: Ctx<'campaign'>,
  unit: string,
  filter: { asOf: string; period?: string; state?: ReportState },
) {
  const args = [unit, filter.period ?? null, filter.state ?? null];
  return pastAnswer(ctx, 'reports.list', filter.asOf, args, () => reportsWithin(ctx, unit, filter));
}

export function dispatchSummaryAt(ctx: Ctx<'campaign'>, unit: string, asOf: string) {
  return pastAnswer(ctx, 'dispatch.summary', asOf, unit, () => dispatchSummary(ctx, unit, asOf));
}

export function supervisionOverviewAt(ctx: Ctx<'campaign'>, unit: string, asOf: string) {
  return pastAnswer(ctx, 'supervision.overview', asOf, unit, () => supervisionOverview(ctx, unit, asOf));
}

export function urgeCountsAt(ctx: Ctx<'campaign'>, unit: string, asOf: string) {
  return pastAnswer(ctx, 'urge.counts', asOf, unit, () => urgeCounts(ctx, unit, asOf));
}
