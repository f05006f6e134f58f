import { and, asc, desc, eq, like, max } from 'drizzle-orm';
import { citySummaryGate } from '@dudao/metrics';
import { endOfBeijingDay, type CampaignDef } from '@dudao/schema/campaign';
import { citySummaries, generatedReports, orgUnits } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { gateDeadline } from '../known/read';
import { notifyRole } from '../notices/notify';
import { listUnits } from '../org/units';
import type { BuiltDocument } from './build';
import type { DocumentKind } from './kinds';

/** Each generation is kept as a new version; nothing is regenerated in place. */
export function storeDocument(db: DbOrTx, kind: DocumentKind, unit: string, asOf: string, built: BuiltDocument, actor: Actor, at: string) {
  return db.transaction((tx) => {
    const last = tx.select({ v: max(generatedReports.version) }).from(generatedReports).where(and(eq(generatedReports.kind, kind), eq(generatedReports.unitCode, unit))).get()?.v ?? 0;
    const row = tx
      .insert(generatedReports)
      .values({ kind, unitCode: unit, asOf, version: last + 1, fileName: built.fileName, content: built.content, previewHtml: built.previewHtml, generatedAt: at, generatedBy: actor.id })
      .returning({ id: generatedReports.id, version: generatedReports.version, fileName: generatedReports.fileName })
      .get();
    recordAudit(tx, actor, at, [{ action: 'document.generate', entity: 'generated_report', entityId: row.id, unitCode: unit, field: kind, newValue: `${asOf} v${row.version}` }]);
    return row;
  });
}

export function documentsWithin(db: DbOrTx, scope: string) {
  return db
    .select({ id: generatedReports.id, kind: generatedReports.kind, unitCode: generatedReports.unitCode, unitName: orgUnits.name, asOf: generatedReports.asOf, version: generatedReports.version, fileName: generatedReports.fileName, generatedAt: generatedReports.generatedAt })
    .from(generatedReports)
    .innerJoin(orgUnits, eq(generatedReports.unitCode, orgUnits.code))
    .where(like(generatedReports.unitCode, `${scope}%`))
    .orderBy(desc(generatedReports.generatedAt), desc(generatedReports.id))
    .all();
}

export function documentById(db: DbOrTx, id: number) {
  const row = db.select().from(generatedReports).where(eq(generatedReports.id, id)).get();
  if (!row) throw new DomainError('not_found', `报告 ${id} 不存在`);
  return row;
}

/** Submitting stamps a generated city summary as the city's report to the province; the first stamp drives m5. */
export function submitCitySummary(db: DbOrTx, documentId: number, actor: Actor, at: string) {
  return db.transaction((tx) => {
    const doc = documentById(tx, documentId);
    if (doc.kind !== 'city') throw new DomainError('bad_request', '只有市级行动总结可以报送省民政厅');
    const row = tx.insert(citySummaries).values({ cityCode: doc.unitCode, reportId: doc.id, submittedAt: at, actorId: actor.id, actor: actor.label }).returning().get();
    recordAudit(tx, actor, at, [{ action: 'summary.submit', entity: 'city_summary', entityId: row.id, unitCode: doc.unitCode, field: 'submitted_at', newValue: `${doc.fileName} v${doc.version}` }]);
    notifyRole(tx, 'province_admin', doc.unitCode.slice(0, 2), { kind: 'summary.submitted', title: `${doc.fileName.split('行动总结')[0]}已报送行动总结`, body: `${doc.fileName}（第 ${doc.version} 版）已报送。`, unitCode: doc.unitCode }, at);
    return row;
  });
}

/** Which cities have submitted, when, and how that stands against the deadline, as known at the end of `asOf`. */
export function summaryStatus(db: DbOrTx, campaign: CampaignDef, scope: string, asOf: string) {
  const due = gateDeadline(campaign, 'm5_city_summary');
  const end = endOfBeijingDay(asOf);
  const rows = db.select().from(citySummaries).where(like(citySummaries.cityCode, `${scope}%`)).orderBy(asc(citySummaries.submittedAt)).all().filter((r) => r.submittedAt < end);
  return listUnits(db, { level: 'city' })
    .filter((c) => c.code.startsWith(scope) || scope.startsWith(c.code))
    .filter((c) => c.code.startsWith(campaign.province))
    .map((city) => {
      const mine = rows.filter((r) => r.cityCode === city.code);
      const first = mine[0];
      // m5 is judged once, by the metrics; this list only reports it.
      const gate = citySummaryGate(first?.submittedAt ?? null, campaign, asOf);
      return {
        cityCode: city.code,
        cityName: city.name,
        dueOn: due,
        firstSubmittedAt: first?.submittedAt ?? null,
        gate,
        onTime: first ? gate === 'met' : null,
        submissions: mine.map((r) => ({ at: r.submittedAt, actor: r.actor, documentId: r.reportId })),
      };
    });
}
