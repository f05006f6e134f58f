import { and, asc, eq, inArray, like, lt } from 'drizzle-orm';
import { caseRecords, caseUploads, citySummaries, reportSubmissions, rosterRows, rosterUploads, submissionValues, supervisionVisits } from '@dudao/schema/tables';
import type { CaseRecord, KnownRoster, RosterVillage } from '@dudao/metrics';
import type { DbOrTx } from '../../db/client';
import { inChunks } from '../../db/limits';
import type { CampaignRef } from '../campaign/ref';
import { cachedById } from './immutable-cache';

export interface KnownSubmissions {
  /** county → period → first submission instant known */
  first: Map<string, Record<string, string>>;
  /** county → the submission whose values are the county's report figures */
  newest: Map<string, { id: number; period: string; submittedAt: string }>;
}

/** Submissions recorded before `before`: per county, the newest period's latest submission wins. */
export function knownSubmissions(db: DbOrTx, campaign: CampaignRef, scope: string, before: string): KnownSubmissions {
  const rows = db
    .select({ id: reportSubmissions.id, county: reportSubmissions.countyCode, period: reportSubmissions.period, at: reportSubmissions.submittedAt })
    .from(reportSubmissions)
    .where(and(eq(reportSubmissions.campaignCode, campaign.code), like(reportSubmissions.countyCode, `${scope}%`), lt(reportSubmissions.submittedAt, before)))
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

export function submissionFields(db: DbOrTx, ids: number[]): Map<number, Record<string, string | null>> {
  return cachedById(db, 'submission', ids, (missing) => {
    const out = new Map<number, Record<string, string | null>>();
    for (const part of inChunks(missing)) {
      for (const r of db.select().from(submissionValues).where(inArray(submissionValues.submissionId, part)).all()) {
        const fields = out.get(r.submissionId) ?? {};
        fields[r.field] = r.value;
        out.set(r.submissionId, fields);
      }
    }
    return out;
  });
}

/** The newest roster upload per county recorded before `before`, with its village rows. */
export function knownRosters(db: DbOrTx, campaign: CampaignRef, scope: string, before: string): Map<string, KnownRoster> {
  const uploads = db
    .select({ id: rosterUploads.id, county: rosterUploads.countyCode, at: rosterUploads.uploadedAt })
    .from(rosterUploads)
    .where(and(eq(rosterUploads.campaignCode, campaign.code), like(rosterUploads.countyCode, `${scope}%`), lt(rosterUploads.uploadedAt, before)))
    .orderBy(asc(rosterUploads.uploadedAt), asc(rosterUploads.id))
    .all();
  const latest = new Map<string, { id: number; at: string }>();
  for (const u of uploads) latest.set(u.county, { id: u.id, at: u.at });
  const rows = cachedById(db, 'roster', [...latest.values()].map((u) => u.id), (missing) => {
    const out = new Map<number, RosterVillage[]>();
    for (const part of inChunks(missing)) {
      for (const { uploadId, ...village } of db.select().from(rosterRows).where(inArray(rosterRows.uploadId, part)).all()) {
        const list = out.get(uploadId) ?? [];
        list.push(village);
        out.set(uploadId, list);
      }
    }
    return out;
  });
  return new Map([...latest].map(([county, u]) => [county, { uploadedAt: u.at, villages: rows.get(u.id)! }]));
}

export function knownCaseLogs(db: DbOrTx, campaign: CampaignRef, scope: string, before: string): Map<string, CaseRecord[]> {
  const uploads = db
    .select({ id: caseUploads.id, county: caseUploads.countyCode })
    .from(caseUploads)
    .where(and(eq(caseUploads.campaignCode, campaign.code), like(caseUploads.countyCode, `${scope}%`), lt(caseUploads.uploadedAt, before)))
    .orderBy(asc(caseUploads.uploadedAt), asc(caseUploads.id))
    .all();
  const latest = new Map<string, number>();
  for (const u of uploads) latest.set(u.county, u.id);
  const rows = cachedById(db, 'cases', [...latest.values()], (missing) => {
    const out = new Map<number, CaseRecord[]>();
    for (const part of inChunks(missing)) {
      for (const { uploadId, ...rec } of db.select().from(caseRecords).where(inArray(caseRecords.uploadId, part)).all()) {
        const list = out.get(uploadId) ?? [];
        list.push(rec);
        out.set(uploadId, list);
      }
    }
    return out;
  });
  return new Map([...latest].map(([county, id]) => [county, rows.get(id)!]));
}

export function knownVisits(db: DbOrTx, campaign: CampaignRef, scope: string, before: string): Map<string, string[]> {
  const rows = db
    .select({ county: supervisionVisits.countyCode, on: supervisionVisits.visitedOn })
    .from(supervisionVisits)
    .where(and(eq(supervisionVisits.campaignCode, campaign.code), like(supervisionVisits.countyCode, `${scope}%`), lt(supervisionVisits.recordedAt, before)))
    .all();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.county, [...(out.get(r.county) ?? []), r.on]);
  return out;
}

export function knownSummaries(db: DbOrTx, campaign: CampaignRef, scope: string, before: string): Map<string, string> {
  const rows = db
    .select({ city: citySummaries.cityCode, at: citySummaries.submittedAt })
    .from(citySummaries)
    .where(and(eq(citySummaries.campaignCode, campaign.code), like(citySummaries.cityCode, `${scope}%`), lt(citySummaries.submittedAt, before)))
    .orderBy(asc(citySummaries.submittedAt))
    .all();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.city)) out.set(r.city, r.at);
  return out;
}
