import type { ReportState } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { dispatchSummary } from '../dispatch/summary';
import { reportsWithin } from '../reports/read';
import { supervisionOverview } from '../supervision/overview';
import { urgeCounts } from '../urge/counts';
import { dayAnswer } from './day-answers';

// The overview pages' answers other than status, each kept per day and unit until a write reaches it (day-answers.ts).
// The routers and the start-up warm-up both ask through here, so what is warmed is exactly what a page asks for.

export function reportListAt(
  ctx: Ctx<'campaign'>,
  unit: string,
  filter: { asOf: string; period?: string; state?: ReportState },
) {
  const args = [filter.period ?? null, filter.state ?? null];
  return dayAnswer(ctx, { name: 'reports.list', asOf: filter.asOf, unit, args }, () =>
    reportsWithin(ctx, unit, filter),
  );
}

export function dispatchSummaryAt(ctx: Ctx<'campaign'>, unit: string, asOf: string) {
  return dayAnswer(ctx, { name: 'dispatch.summary', asOf, unit }, () => dispatchSummary(ctx, unit, asOf));
}

export function supervisionOverviewAt(ctx: Ctx<'campaign'>, unit: string, asOf: string) {
  return dayAnswer(ctx, { name: 'supervision.overview', asOf, unit }, () => supervisionOverview(ctx, unit, asOf));
}

export function urgeCountsAt(ctx: Ctx<'campaign'>, unit: string, asOf: string) {
  return dayAnswer(ctx, { name: 'urge.counts', asOf, unit }, () => urgeCounts(ctx, unit, asOf));
}
