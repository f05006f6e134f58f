import { z } from 'zod';
import { documentRefInput, generateDocumentInput, isoDateSchema, unitCodeSchema } from '@dudao/schema/inputs';
import { pdfAvailable } from '@dudao/documents/pdf';
import { generateDocument } from '../../services/documents/generate';
import { documentById, documentsWithin, storeDocument } from '../../services/documents/stored';
import { submitCitySummary, summaryStatus } from '../../services/summaries/submissions';
import { resolveAsOf } from '../../services/clock/clock';
import { guarded, router } from '../init';

export const documentsRouter = router({
  generate: guarded('documents.generate')
    .input(generateDocumentInput)
    .mutation(async ({ ctx, input }) => {
      const built = await generateDocument(ctx.service, input.kind, input.unit, input.asOf);
      return storeDocument(ctx.service, input.kind, input.unit, input.asOf, built);
    }),
  list: guarded('documents.list')
    .input(z.object({ unit: unitCodeSchema.optional(), asOf: isoDateSchema.optional() }))
    // `pdf`: the document can also be downloaded as PDF (a .docx, and LibreOffice installed on the server).
    .query(async ({ ctx, input }) =>
      (
        await documentsWithin(ctx.service, input.unit ?? ctx.user.scopeCode, await resolveAsOf(ctx.service, input.asOf))
      ).map((d) => ({ ...d, pdf: d.fileName.endsWith('.docx') && pdfAvailable() })),
    ),
  preview: guarded('documents.preview')
    .input(documentRefInput)
    .query(async ({ ctx, input }) => {
      const doc = await documentById(ctx.service, input.id);
      return {
        id: doc.id,
        kind: doc.kind,
        unitCode: doc.unitCode,
        asOf: doc.asOf,
        version: doc.version,
        fileName: doc.fileName,
        html: doc.previewHtml,
      };
    }),
});

export const summariesRouter = router({
  submit: guarded('summaries.submit')
    .input(documentRefInput)
    .mutation(({ ctx, input }) => submitCitySummary(ctx.service, input.id)),
  status: guarded('summaries.status')
    .input(z.object({ asOf: isoDateSchema.optional(), unit: unitCodeSchema.optional() }))
    .query(async ({ ctx, input }) =>
      summaryStatus(ctx.service, input.unit ?? ctx.user.scopeCode, await resolveAsOf(ctx.service, input.asOf)),
    ),
});
