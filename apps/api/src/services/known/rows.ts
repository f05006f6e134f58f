import { and, asc, eq, inArray, like, lt, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  caseRecords,
  caseUploads,
  citySummaries,
  reportSubmissions,
  rosterRows,
  rosterUploads,
  submissionValues,
  supervisionVisits,
} from '@dudao/schema/tables';
import type { CaseRecord, KnownRoster, RosterVillage } from '@dudao/metrics';
import { inChunks } from '../../db/limits';
import type { Ctx } from '../context';
import { cachedById } from './immutable-cache';

/** A scope is a unit code (every county under it) or a list of county codes (the counties a change named). */
export type Scope = string | string[];

function inScope(column: SQLiteColumn, scope: Scope): SQL {
  return typeof scope === 'string' ? like(column, `${scope}%`) : inArray(column, scope);
}

export interface KnownSubmissions {
  /** county → period → first submission instant known */
  first: Map<string, Record<string, string>>;
  /** county → the submission whose values are the county's report figures */
  newest: Map<string, { id: number; period: string; submittedAt: string }>;
}

/** Submissions recorded before `before`: per county, the newest period's latest submission wins. */
export async function knownSubmissions(ctx: Ctx<'campaign'>, scope: Scope, before: string): Promise<KnownSubmissions> {
  const rows = await ctx.db
    .select({
      id: reportSubmissions.id,
      county: reportSubmissions.countyCode,
      period: reportSubmissions.period,
      at: reportSubmissions.submittedAt,
    })
    .from(reportSubmissions)
    .where(
      and(
        eq(reportSubmissions.campaignCode, ctx.campaign.code),
        inScope(reportSubmissions.countyCode, scope),
        lt(reportSubmissions.submittedAt, before),
      ),
    )
    .orderBy(asc(reportSubmissions.submittedAt), asc(reportSubmissions.id))
    .all();
  const first = new Map<string, Record<string, string>>();
  const newest = new Map<string, { id: number; period: string; submittedAt: string }>();
  for (const r of rows) {
    const periods = first.get(r.county) ?? {};
    periods[r.period] ??= r.at;
    first.set(r.county, periods);
    const best = newest.get(r.county);
    if (!best || r.period >= best.period) newest.set(r.county, { id: r.id, period: r.period, submittedAt: r.at });
  }
  return { first, newest };
}

export async function submissionFields(ctx: Ctx, ids: number[]): Promise<Map<number, Record<string, string | null>>> {
  return cachedById(ctx, 'submission', ids, async (missing) => {
    const out = new Map<number, Record<string, string | null>>();
    for (const part of inChunks(ctx.db, missing)) {
      for (const r of await ctx.db
        .select()
        .from(submissionValues)
        .where(inArray(submissionValues.submissionId, part))
        .all()) {
        const fields = out.get(r.submissionId) ?? {};
        fields[r.field] = r.value;
        out.set(r.submissionId, fields);
      }
    }
    return out;
  });
}

/**
 * The village rows of roster uploads by id, read once per process (an upload never changes): as stored, or sorted by
 * village code (`byVillage`, what a forecast reads).
 */
export function rosterVillages(ctx: Ctx, ids: number[], byVillage = false): Promise<Map<number, RosterVillage[]>> {
  return cachedById(ctx, byVillage ? 'roster-by-village' : 'roster', ids, async (missing) => {
    const out = new Map<number, RosterVillage[]>();
    for (const part of inChunks(ctx.db, missing)) {
      const query = ctx.db.select().from(rosterRows).where(inArray(rosterRows.uploadId, part));
      const rows = byVillage
        ? await query.orderBy(asc(rosterRows.uploadId), asc(rosterRows.villageCode)).all()
        : await query.all();
      for (const { uploadId, ...village } of rows) {
        const list = out.get(uploadId) ?? [];
        list.push(village);
        out.set(uploadId, list);
      }
    }
    return out;
  });
}

/** The newest roster upload per county recorded before `before`, with its village rows. */
export async function knownRosters(
  ctx: Ctx<'campaign'>,
  scope: Scope,
  before: string,
): Promise<Map<string, KnownRoster>> {
  const uploads = await ctx.db
    .select({ id: rosterUploads.id, county: rosterUploads.countyCode, at: rosterUploads.uploadedAt })
    .from(rosterUploads)
    .where(
      and(
        eq(rosterUploads.campaignCode, ctx.campaign.code),
        inScope(rosterUploads.countyCode, scope),
        lt(rosterUploads.uploadedAt, before),
      ),
    )
    .orderBy(asc(rosterUploads.uploadedAt), asc(rosterUploads.id))
    .all();
  const latest = new Map<string, { id: number; at: string }>();
  for (const u of uploads) latest.set(u.county, { id: u.id, at: u.at });
  const rows = await rosterVillages(
    ctx,
    [...latest.values()].map((u) => u.id),
  );
  return new Map([...latest].map(([county, u]) => [county, { uploadedAt: u.at, villages: rows.get(u.id)! }]));
}

export async function knownCaseLogs(
  ctx: Ctx<'campaign'>,
  scope: Scope,
  before: string,
): Promise<Map<string, CaseRecord[]>> {
  const uploads = await ctx.db
    .select({ id: caseUploads.id, county: caseUploads.countyCode })
    .from(caseUploads)
    .where(
      and(
        eq(caseUploads.campaignCode, ctx.campaign.code),
        inScope(caseUploads.countyCode, scope),
        lt(caseUploads.uploadedAt, before),
      ),
    )
    .orderBy(asc(caseUploads.uploadedAt), asc(caseUploads.id))
    .all();
  const latest = new Map<string, number>();
  for (const u of uploads) latest.set(u.county, u.id);
  const rows = await cachedById(ctx, 'cases', [...latest.values()], async (missing) => {
    const out = new Map<number, CaseRecord[]>();
    for (const part of inChunks(ctx.db, missing)) {
      for (const { uploadId, ...rec } of await ctx.db
        .select()
        .from(caseRecords)
        .where(inArray(caseRecords.uploadId, part))
        .all()) {
        const list = out.get(uploadId) ?? [];
        list.push(rec);
        out.set(uploadId, list);
      }
    }
    return out;
  });
  return new Map([...latest].map(([county, id]) => [county, rows.get(id)!]));
}

export async function knownVisits(ctx: Ctx<'campaign'>, scope: Scope, before: string): Promise<Map<string, string[]>> {
  const rows = await ctx.db
    .select({ county: supervisionVisits.countyCode, on: supervisionVisits.visitedOn })
    .from(supervisionVisits)
    .where(
      and(
        eq(supervisionVisits.campaignCode, ctx.campaign.code),
        inScope(supervisionVisits.countyCode, scope),
        lt(supervisionVisits.recordedAt, before),
      ),
    )
    // Explicit order: PostgreSQL returns rows without ORDER BY in no fixed order (SQLite gave them by id per county).
    .orderBy(asc(supervisionVisits.id))
    .all();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.county, [...(out.get(r.county) ?? []), r.on]);
  return out;
}

export async function knownSummaries(ctx: Ctx<'campaign'>, scope: Scope, before: string): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ city: citySummaries.cityCode, at: citySummaries.submittedAt })
    .from(citySummaries)
    .where(
      and(
        eq(citySummaries.campaignCode, ctx.campaign.code),
        inScope(citySummaries.cityCode, scope),
        lt(citySummaries.submittedAt, before),
      ),
    )
    .orderBy(asc(citySummaries.submittedAt))
    .all();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.city)) out.set(r.city, r.at);
  return out;
}
