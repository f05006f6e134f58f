import { and, asc, eq, like, lt } from 'drizzle-orm';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { reportSubmissions, rosterUploads } from '@dudao/schema/tables';
import type { CountyHistory, KnownReport } from '@dudao/metrics';
import type { Ctx } from '../context';
import { rosterVillages, submissionFields } from '../known/rows';

/**
 * Every county's history as known at the end of `asOf` (Beijing): per period its newest submission, and every roster
 * upload, all bounded by that instant so nothing recorded later reaches a forecast of that day.
 */
export async function historiesKnownAt(
  ctx: Ctx<'campaign'>,
  scope: string,
  asOf: string,
): Promise<Map<string, CountyHistory>> {
  const before = endOfBeijingDay(asOf);
  const { code } = ctx.campaign;
  const submissions = await ctx.db
    .select({
      id: reportSubmissions.id,
      county: reportSubmissions.countyCode,
      period: reportSubmissions.period,
      at: reportSubmissions.submittedAt,
    })
    .from(reportSubmissions)
    .where(
      and(
        eq(reportSubmissions.campaignCode, code),
        like(reportSubmissions.countyCode, `${scope}%`),
        lt(reportSubmissions.submittedAt, before),
      ),
    )
    .orderBy(asc(reportSubmissions.submittedAt), asc(reportSubmissions.id))
    .all();
  const newest = new Map<string, { id: number; county: string; period: string; at: string }>();
  for (const s of submissions) newest.set(`${s.county}|${s.period}`, s);
  // Submissions and uploads never change once written: their rows are read once per process (immutable-cache.ts).
  const values = await submissionFields(
    ctx,
    [...newest.values()].map((s) => s.id),
  );
  const uploads = await ctx.db
    .select({ id: rosterUploads.id, county: rosterUploads.countyCode, at: rosterUploads.uploadedAt })
    .from(rosterUploads)
    .where(
      and(
        eq(rosterUploads.campaignCode, code),
        like(rosterUploads.countyCode, `${scope}%`),
        lt(rosterUploads.uploadedAt, before),
      ),
    )
    .orderBy(asc(rosterUploads.uploadedAt), asc(rosterUploads.id))
    .all();
  const villages = await rosterVillages(
    ctx,
    uploads.map((u) => u.id),
    true,
  );
  const out = new Map<string, CountyHistory>();
  const of = (county: string) => {
    let h = out.get(county);
    if (!h) out.set(county, (h = { reports: [], rosters: [] }));
    return h;
  };
  const reports: (KnownReport & { county: string })[] = [...newest.values()].map((s) => ({
    county: s.county,
    period: s.period,
    submittedAt: s.at,
    values: values.get(s.id) ?? {},
  }));
  for (const { county, ...r } of reports.sort((a, b) => (a.period < b.period ? -1 : 1))) of(county).reports.push(r);
  for (const u of uploads) of(u.county).rosters.push({ uploadedAt: u.at, villages: villages.get(u.id) ?? [] });
  return out;
}
