import { and, asc, eq, like } from 'drizzle-orm';
import { periodDue, type CampaignDef } from '@dudao/schema/campaign';
import { monthlyReports, orgUnits, type ReportState } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import { townshipsOf } from '../org/units';
import { currentFields, findReport, latestReportBefore, reportHistory } from './store';

/** Everything the report form needs: the report as it stands, its history, and the previous period for the rules. */
export function reportDetail(db: DbOrTx, campaign: CampaignDef, countyCode: string, period: string) {
  const report = findReport(db, campaign, countyCode, period);
  const previous = latestReportBefore(db, campaign, countyCode, period);
  return {
    countyCode,
    period,
    dueOn: report?.dueOn ?? periodDue(period, campaign.reportDueAfterDays),
    state: (report?.state ?? 'draft') as ReportState,
    version: report?.version ?? 0,
    exists: Boolean(report),
    firstSubmittedAt: report?.firstSubmittedAt ?? null,
    editsAfterSubmit: report?.editsAfterSubmit ?? 0,
    ...(report ? currentFields(db, report.id) : { values: {}, comments: {} }),
    history: report ? reportHistory(db, report.id) : [],
    previous: previous ? { period: previous.period, values: currentFields(db, previous.id).values } : null,
    townships: townshipsOf(db, [countyCode]).length,
  };
}

export function reportsWithin(db: DbOrTx, campaign: CampaignDef, scope: string, filter: { period?: string; state?: ReportState }) {
  const where = [eq(monthlyReports.campaignCode, campaign.code), like(monthlyReports.countyCode, `${scope}%`)];
  if (filter.period) where.push(eq(monthlyReports.period, filter.period));
  if (filter.state) where.push(eq(monthlyReports.state, filter.state));
  return db
    .select({
      countyCode: monthlyReports.countyCode,
      countyName: orgUnits.name,
      period: monthlyReports.period,
      state: monthlyReports.state,
      version: monthlyReports.version,
      dueOn: monthlyReports.dueOn,
      firstSubmittedAt: monthlyReports.firstSubmittedAt,
      editsAfterSubmit: monthlyReports.editsAfterSubmit,
      updatedAt: monthlyReports.updatedAt,
    })
    .from(monthlyReports)
    .innerJoin(orgUnits, eq(monthlyReports.countyCode, orgUnits.code))
    .where(and(...where))
    .orderBy(asc(monthlyReports.countyCode), asc(monthlyReports.period))
    .all();
}
