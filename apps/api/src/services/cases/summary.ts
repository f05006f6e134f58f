import { and, desc, eq, lt } from 'drizzle-orm';
import { caseLogFigures, processingDayLimit } from '@dudao/metrics';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { caseRecords, caseUploads } from '@dudao/schema/tables';
import type { Ctx } from '../context';

/** The newest case log known at the end of `asOf`, with the processing figures it yields that day. */
export async function caseSummary(ctx: Ctx<'campaign'>, countyCode: string, asOf: string) {
  const { db, campaign } = ctx;
  const upload = await db
    .select()
    .from(caseUploads)
    .where(
      and(
        eq(caseUploads.campaignCode, campaign.code),
        eq(caseUploads.countyCode, countyCode),
        lt(caseUploads.uploadedAt, endOfBeijingDay(asOf)),
      ),
    )
    .orderBy(desc(caseUploads.uploadedAt), desc(caseUploads.id))
    .get();
  if (!upload) return { upload: null, figures: null, undecided: 0 };
  const cases = await db.select().from(caseRecords).where(eq(caseRecords.uploadId, upload.id)).all();
  return {
    upload: {
      id: upload.id,
      uploadedAt: upload.uploadedAt,
      actor: upload.actor,
      fileName: upload.fileName,
      rowCount: upload.rowCount,
    },
    // Without an over-limit count in the campaign no case is over a limit.
    figures: caseLogFigures(cases, asOf, campaign.start, processingDayLimit(campaign) ?? Infinity),
    undecided: cases.filter((c) => c.decidedOn === null).length,
  };
}
