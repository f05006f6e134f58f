import { resolveAsOf } from '../../services/clock/clock';
import {
  dispatchCloseInput,
  dispatchCopyInput,
  dispatchFeedbackInput,
  dispatchGetInput,
  dispatchListInput,
  dispatchSendBackInput,
  issueDispatchInput,
} from '@dudao/schema/inputs';
import { actOnCopy } from '../../services/dispatch/act';
import { issueDispatch } from '../../services/dispatch/issue';
import { dispatchOrderAt, dispatchOrdersAt } from '../../services/dispatch/read';
import { dispatchSummaryAt } from '../../services/known/overview-answers';
import { guarded, router } from '../init';

export const dispatchRouter = router({
  issue: guarded('dispatch.issue')
    .input(issueDispatchInput)
    .mutation(({ ctx, input }) => issueDispatch(ctx.service, input)),
  list: guarded('dispatch.list')
    .input(dispatchListInput)
    .query(async ({ ctx, input }) =>
      dispatchOrdersAt(ctx.service, input.unit ?? ctx.user.scopeCode, await resolveAsOf(ctx.service, input.asOf)),
    ),
  get: guarded('dispatch.get')
    .input(dispatchGetInput)
    .query(async ({ ctx, input }) =>
      dispatchOrderAt(ctx.service, input.id, ctx.user.scopeCode, await resolveAsOf(ctx.service, input.asOf)),
    ),
  summary: guarded('dispatch.summary')
    .input(dispatchListInput)
    .query(async ({ ctx, input }) => {
      const unit = input.unit ?? ctx.user.scopeCode;
      const asOf = await resolveAsOf(ctx.service, input.asOf);
      return dispatchSummaryAt(ctx.service, unit, asOf);
    }),
  sign: guarded('dispatch.sign')
    .input(dispatchCopyInput)
    .mutation(({ ctx, input }) => actOnCopy(ctx.service, 'sign', input)),
  feedback: guarded('dispatch.feedback')
    .input(dispatchFeedbackInput)
    .mutation(({ ctx, input }) => actOnCopy(ctx.service, 'feedback', input)),
  sendBack: guarded('dispatch.sendBack')
    .input(dispatchSendBackInput)
    .mutation(({ ctx, input }) => actOnCopy(ctx.service, 'sendBack', { ...input, text: input.reason })),
  close: guarded('dispatch.close')
    .input(dispatchCloseInput)
    .mutation(({ ctx, input }) =>
      actOnCopy(ctx.service, 'close', { id: input.id, county: input.county, text: input.confirmReason }),
    ),
});
