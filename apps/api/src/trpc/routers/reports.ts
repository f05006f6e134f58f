import { z } from 'zod';
import {
  acceptManyInput,
  decisionInput,
  isoDateSchema,
  periodSchema,
  reportRefInput,
  returnInput,
  saveDraftInput,
  submitInput,
  unitCodeSchema,
} from '@dudao/schema/inputs';
import { reportStates } from '@dudao/schema/tables';
import { reportDetail } from '../../services/reports/read';
import { acceptMany } from '../../services/reports/accept-many';
import { decideReport, saveDraft, submitReport } from '../../services/reports/workflow';
import { resolveAsOf } from '../../services/clock/clock';
import { reportListAt } from '../../services/known/overview-answers';
import { guarded, router } from '../init';

export const reportsRouter = router({
  get: guarded('reports.get')
    .input(reportRefInput.extend({ asOf: isoDateSchema.optional() }))
    .query(async ({ ctx, input }) =>
      reportDetail(ctx.service, input.countyCode, input.period, await resolveAsOf(ctx.service, input.asOf)),
    ),
  list: guarded('reports.list')
    .input(
      z.object({
        unit: unitCodeSchema.optional(),
        period: periodSchema.optional(),
        state: z.enum(reportStates).optional(),
        asOf: isoDateSchema.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const unit = input.unit ?? ctx.user.scopeCode;
      const filter = { period: input.period, state: input.state, asOf: await resolveAsOf(ctx.service, input.asOf) };
      return reportListAt(ctx.service, unit, filter);
    }),
  saveDraft: guarded('reports.saveDraft')
    .input(saveDraftInput)
    .mutation(async ({ ctx, input }) => saveDraft(ctx.service, input)),
  submit: guarded('reports.submit')
    .input(submitInput)
    .mutation(async ({ ctx, input }) => submitReport(ctx.service, input)),
  return: guarded('reports.return')
    .input(returnInput)
    .mutation(async ({ ctx, input }) => decideReport(ctx.service, input, 'return')),
  approve: guarded('reports.approve')
    .input(decisionInput)
    .mutation(async ({ ctx, input }) => decideReport(ctx.service, input, 'approve')),
  accept: guarded('reports.accept')
    .input(decisionInput)
    .mutation(async ({ ctx, input }) => decideReport(ctx.service, input, 'accept')),
  acceptMany: guarded('reports.acceptMany')
    .input(acceptManyInput)
    .mutation(async ({ ctx, input }) => acceptMany(ctx.service, input.reports)),
  reopen: guarded('reports.reopen')
    .input(returnInput)
    .mutation(async ({ ctx, input }) => decideReport(ctx.service, input, 'reopen')),
});
