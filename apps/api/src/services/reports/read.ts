import { and, asc, eq, like, lt } from 'drizzle-orm';
import { endOfBeijingDay, periodDue } from '@dudao/schema/campaign';
import { monthlyReports, orgUnits, type ReportState } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { townshipsOf } from '../org/units';
import { statesAt, stateOf } from './as-of';
import { currentFields, findReport, latestReportBefore, reportHistory } from './store';

/**
 * Everything the report form needs as known at the end of `asOf`: the report, its history, and the previous
 * period for the rules. At the clock's day nothing later exists, so this is the report as it stands.
 */
export async function reportDetail(ctx: Ctx<'campaign'>, countyCode: string, period: string, asOf: string) {
  const { campaign } = ctx;
  const before = endOfBeijingDay(asOf);
  const found = await findReport(ctx, countyCode, period);
  const report = found && found.createdAt < before ? found : undefined;
  const state = report ? (await stateOf(ctx, [report.id], before)).get(report.id) : undefined;
  const previous = await latestReportBefore(ctx, countyCode, period);
  const previousKnown = previous && previous.createdAt < before ? previous : undefined;
  const fields = report ? await currentFields(ctx, report.id, before) : { values: {}, comments: {} };
  const history = report ? (await reportHistory(ctx, report.id)).filter((e) => e.at < before) : [];
  const townships = (await townshipsOf(ctx, [countyCode])).length;
  return {
    countyCode,
    period,
    asOf,
    dueOn: report?.dueOn ?? periodDue(period, campaign.reportDueAfterDays),
    state: state?.state ?? 'draft',
    version: state?.version ?? 0,
    exists: Boolean(report),
    firstSubmittedAt: state?.firstSubmittedAt ?? null,
    editsAfterSubmit: state?.editsAfterSubmit ?? 0,
    ...fields,
    history,
    previous: previousKnown
      ? { period: previousKnown.period, values: (await currentFields(ctx, previousKnown.id, before)).values }
      : null,
    townships,
  };
}

/** The reports under `scope` and their states as known at the end of `asOf`. */
export async function reportsWithin(
  ctx: Ctx<'campaign'>,
  scope: string,
  filter: { asOf: string; period?: string; state?: ReportState },
) {
  const before = endOfBeijingDay(filter.asOf);
  const where = [
    eq(monthlyReports.campaignCode, ctx.campaign.code),
    like(monthlyReports.countyCode, `${scope}%`),
    lt(monthlyReports.createdAt, before),
  ];
  if (filter.period) where.push(eq(monthlyReports.period, filter.period));
  const rows = await ctx.db
    .select({
      id: monthlyReports.id,
      countyCode: monthlyReports.countyCode,
      countyName: orgUnits.name,
      period: monthlyReports.period,
      dueOn: monthlyReports.dueOn,
    })
    .from(monthlyReports)
    .innerJoin(orgUnits, eq(monthlyReports.countyCode, orgUnits.code))
    .where(and(...where))
    .orderBy(asc(monthlyReports.countyCode), asc(monthlyReports.period))
    .all();
  const states = await statesAt(ctx, scope, before);
  return rows
    .flatMap(({ id, ...r }) => {
      const s = states.get(id);
      return s
        ? [
            {
              ...r,
              state: s.state,
              version: s.version,
              firstSubmittedAt: s.firstSubmittedAt,
              editsAfterSubmit: s.editsAfterSubmit,
              updatedAt: s.updatedAt,
            },
          ]
        : [];
    })
    .filter((r) => !filter.state || r.state === filter.state);
}
