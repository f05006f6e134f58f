import { z } from 'zod';
import { acceptManyInput, decisionInput, isoDateSchema, periodSchema, reportRefInput, returnInput, saveDraftInput, submitInput, unitCodeSchema } from '@dudao/schema/inputs';
import { reportStates } from '@dudao/schema/tables';
import { reportDetail, reportsWithin } from '../../services/reports/read';
import { acceptMany } from '../../services/reports/accept-many';
import { decideReport, saveDraft, submitReport } from '../../services/reports/workflow';
import { resolveAsOf } from '../../services/clock/clock';
import { guarded, router } from '../init';

export const reportsRouter = router({
  get: guarded('reports.get')
    .input(reportRefInput.extend({ asOf: isoDateSchema.optional() }))
    .query(({ ctx, input }) => reportDetail(ctx.db, ctx.campaign, input.countyCode, input.period, resolveAsOf(ctx.db, input.asOf))),
  list: guarded('reports.list')
    .input(z.object({ unit: unitCodeSchema.optional(), period: periodSchema.optional(), state: z.enum(reportStates).optional(), asOf: isoDateSchema.optional() }))
    .query(({ ctx, input }) => reportsWithin(ctx.db, ctx.campaign, input.unit ?? ctx.user.scopeCode, { ...input, asOf: resolveAsOf(ctx.db, input.asOf) })),
  saveDraft: guarded('reports.saveDraft')
    .input(saveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input)),
  submit: guarded('reports.submit')
    .input(submitInput)
    .mutation(({ ctx, input }) => submitReport(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input)),
  return: guarded('reports.return')
    .input(returnInput)
    .mutation(({ ctx, input }) => decideReport(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input, 'return')),
  approve: guarded('reports.approve')
    .input(decisionInput)
    .mutation(({ ctx, input }) => decideReport(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input, 'approve')),
  accept: guarded('reports.accept')
    .input(decisionInput)
    .mutation(({ ctx, input }) => decideReport(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input, 'accept')),
  acceptMany: guarded('reports.acceptMany')
    .input(acceptManyInput)
    .mutation(({ ctx, input }) => acceptMany(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input.reports)),
  reopen: guarded('reports.reopen')
    .input(returnInput)
    .mutation(({ ctx, input }) => decideReport(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input, 'reopen')),
});
