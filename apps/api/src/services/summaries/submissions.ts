import { and, asc, eq, like } from 'drizzle-orm';
import { gateOfKind, summarySubmittedGate } from '@dudao/metrics';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { citySummaries } from '@dudao/schema/tables';
import { stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { summaryDue } from '../known/read';
import { notifyRole } from '../notices/notify';
import { listUnits } from '../org/units';
import { documentById } from '../documents/stored';

/** Submitting stamps a generated city summary as the city's report to the province; the first stamp drives m5. */
export async function submitCitySummary(ctx: Ctx<'campaign' | 'actor'>, documentId: number, given?: string) {
  // An append judging nothing: a summary submitted twice is on record twice, and the first stamp counts.
  return stampedWrite(ctx, { at: given, locks: [] }, async (ctx, at) => {
    const { campaign, actor } = ctx;
    const doc = await documentById(ctx, documentId);
    if (doc.kind !== 'city') throw new DomainError('bad_request', '只有市级行动总结可以报送省民政厅');
    const row = await ctx.db
      .insert(citySummaries)
      .values({
        campaignCode: campaign.code,
        cityCode: doc.unitCode,
        reportId: doc.id,
        submittedAt: at,
        actorId: actor.id,
        actor: actor.label,
      })
      .returning()
      .get();
    await recordAudit(ctx, at, [
      {
        action: 'summary.submit',
        entity: 'city_summary',
        entityId: row.id,
        unitCode: doc.unitCode,
        field: 'submitted_at',
        newValue: `${doc.fileName} v${doc.version}`,
      },
    ]);
    await notifyRole(
      ctx,
      'province_admin',
      doc.unitCode.slice(0, 2),
      {
        kind: 'summary.submitted',
        title: `${doc.fileName.split('行动总结')[0]}已报送行动总结`,
        body: `${doc.fileName}（第 ${doc.version} 版）已报送。`,
        unitCode: doc.unitCode,
      },
      at,
    );
    return row;
  });
}

/** Which cities have submitted, when, and how that stands against the deadline, as known at the end of `asOf`. */
export async function summaryStatus(ctx: Ctx<'campaign'>, scope: string, asOf: string) {
  const { campaign } = ctx;
  const gate = gateOfKind(campaign, 'summary_submitted');
  const due = summaryDue(campaign);
  const end = endOfBeijingDay(asOf);
  // Ties on the instant are broken by the row id, the same on both engines.
  const rows = (
    await ctx.db
      .select()
      .from(citySummaries)
      .where(and(eq(citySummaries.campaignCode, campaign.code), like(citySummaries.cityCode, `${scope}%`)))
      .orderBy(asc(citySummaries.submittedAt), asc(citySummaries.id))
      .all()
  ).filter((r) => r.submittedAt < end);
  return (await listUnits(ctx, { level: 'city' }))
    .filter((c) => c.code.startsWith(scope) || scope.startsWith(c.code))
    .filter((c) => c.code.startsWith(campaign.province))
    .map((city) => {
      const mine = rows.filter((r) => r.cityCode === city.code);
      const first = mine[0];
      // The summary gate is judged once, by the metrics; this list only reports it.
      const status = gate ? summarySubmittedGate(gate, first?.submittedAt ?? null, asOf) : 'n/a';
      return {
        cityCode: city.code,
        cityName: city.name,
        dueOn: due,
        firstSubmittedAt: first?.submittedAt ?? null,
        gate: status,
        onTime: first ? status === 'met' : null,
        submissions: mine.map((r) => ({ at: r.submittedAt, actor: r.actor, documentId: r.reportId })),
      };
    });
}
