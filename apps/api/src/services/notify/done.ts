import { and, eq, lt } from 'drizzle-orm';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { reportSubmissions } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { provinceStatusAt } from '../known/status-at';
import type { Condition } from './enqueue';

/** Whether a county's report for `period` is known submitted by the end of `day`. */
export async function reportSubmittedBy(ctx: Ctx<'campaign'>, county: string, period: string, day: string) {
  const row = await ctx.db
    .select({ id: reportSubmissions.id })
    .from(reportSubmissions)
    .where(
      and(
        eq(reportSubmissions.campaignCode, ctx.campaign.code),
        eq(reportSubmissions.countyCode, county),
        eq(reportSubmissions.period, period),
        lt(reportSubmissions.submittedAt, endOfBeijingDay(day)),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

/** A gate's status for a county or a city on `day`, by the metrics (undefined for a unit the campaign lacks). */
export async function gateStatusOn(ctx: Ctx<'campaign'>, gate: string, unit: string, day: string) {
  const status = await provinceStatusAt(ctx, day);
  const holder =
    unit.length === 4 ? status.cities.find((c) => c.code === unit) : status.counties.find((c) => c.code === unit);
  return holder?.gates[gate];
}

/**
 * Whether the thing a reminder presses for is still undone on `day` (the day the message would go): a submitted
 * report, a gate met (or met late) ends it. A 临近提醒 is due while the gate is pending; a 逾期提醒 while overdue.
 */
export async function stillUndone(ctx: Ctx<'campaign'>, condition: Condition, day: string): Promise<boolean> {
  if (condition.type === 'report') return !(await reportSubmittedBy(ctx, condition.county, condition.period, day));
  const status = await gateStatusOn(ctx, condition.gate, condition.unit, day);
  return condition.when === 'soon' ? status === 'pending' : status === 'overdue';
}
