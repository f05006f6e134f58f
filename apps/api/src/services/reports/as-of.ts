import { and, asc, eq, inArray, like, lt } from 'drizzle-orm';
import { monthlyReports, reportEvents, type ReportState } from '@dudao/schema/tables';
import type { Ctx } from '../context';

/** A report's workflow state replayed from its events up to an instant. */
export interface StateAt {
  state: ReportState;
  version: number;
  updatedAt: string;
  firstSubmittedAt: string | null;
  editsAfterSubmit: number;
}

type EventRow = { reportId: number; action: string; toState: string; version: number; at: string };

function fold(events: EventRow[]): Map<number, StateAt> {
  const out = new Map<number, StateAt>();
  for (const e of events) {
    const s = out.get(e.reportId) ?? {
      state: e.toState as ReportState,
      version: e.version,
      updatedAt: e.at,
      firstSubmittedAt: null,
      editsAfterSubmit: 0,
    };
    // A save after the first submission is an edit after submit, whoever made it.
    if (e.action === 'save' && s.firstSubmittedAt) s.editsAfterSubmit += 1;
    if (e.action === 'submit') s.firstSubmittedAt ??= e.at;
    s.state = e.toState as ReportState;
    s.version = e.version;
    s.updatedAt = e.at;
    out.set(e.reportId, s);
  }
  return out;
}

const eventColumns = {
  reportId: reportEvents.reportId,
  action: reportEvents.action,
  toState: reportEvents.toState,
  version: reportEvents.version,
  at: reportEvents.at,
};

/** Every report's state under `scope` at `before` (exclusive); a report created later is absent. */
export async function statesAt(ctx: Ctx<'campaign'>, scope: string, before: string): Promise<Map<number, StateAt>> {
  const events = await ctx.db
    .select(eventColumns)
    .from(reportEvents)
    .innerJoin(monthlyReports, eq(reportEvents.reportId, monthlyReports.id))
    .where(
      and(
        eq(monthlyReports.campaignCode, ctx.campaign.code),
        like(monthlyReports.countyCode, `${scope}%`),
        lt(reportEvents.at, before),
      ),
    )
    .orderBy(asc(reportEvents.id))
    .all();
  return fold(events);
}

export async function stateOf(ctx: Ctx, reportIds: number[], before: string): Promise<Map<number, StateAt>> {
  if (reportIds.length === 0) return new Map();
  const events = await ctx.db
    .select(eventColumns)
    .from(reportEvents)
    .where(and(inArray(reportEvents.reportId, reportIds), lt(reportEvents.at, before)))
    .orderBy(asc(reportEvents.id))
    .all();
  return fold(events);
}
