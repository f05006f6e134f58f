import { resolveAsOf } from '../../services/clock/clock';
import { dispatchCopyInput, dispatchFeedbackInput, dispatchGetInput, dispatchListInput, dispatchSendBackInput, issueDispatchInput } from '@dudao/schema/inputs';
import { actOnCopy } from '../../services/dispatch/act';
import { issueDispatch } from '../../services/dispatch/issue';
import { dispatchOrderAt, dispatchOrdersAt } from '../../services/dispatch/read';
import { dispatchSummary } from '../../services/dispatch/summary';
import { guarded, router } from '../init';

export const dispatchRouter = router({
  issue: guarded('dispatch.issue')
    .input(issueDispatchInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => issueDispatch(tx, ctx.campaign, input, ctx.user, ctx.now().toISOString()))),
  list: guarded('dispatch.list')
    .input(dispatchListInput)
    .query(({ ctx, input }) => dispatchOrdersAt(ctx.db, ctx.campaign, input.unit ?? ctx.user.scopeCode, resolveAsOf(ctx.db, input.asOf))),
  get: guarded('dispatch.get')
    .input(dispatchGetInput)
    .query(({ ctx, input }) => dispatchOrderAt(ctx.db, ctx.campaign, input.id, ctx.user.scopeCode, resolveAsOf(ctx.db, resolveAsOf(ctx.db, input.asOf)))),
  summary: guarded('dispatch.summary')
    .input(dispatchListInput)
    .query(({ ctx, input }) => dispatchSummary(ctx.db, ctx.campaign, input.unit ?? ctx.user.scopeCode, resolveAsOf(ctx.db, input.asOf))),
  sign: guarded('dispatch.sign')
    .input(dispatchCopyInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => actOnCopy(tx, ctx.campaign, 'sign', input, ctx.user, ctx.now().toISOString()))),
  feedback: guarded('dispatch.feedback')
    .input(dispatchFeedbackInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => actOnCopy(tx, ctx.campaign, 'feedback', input, ctx.user, ctx.now().toISOString()))),
  sendBack: guarded('dispatch.sendBack')
    .input(dispatchSendBackInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => actOnCopy(tx, ctx.campaign, 'sendBack', { ...input, text: input.reason }, ctx.user, ctx.now().toISOString()))),
  close: guarded('dispatch.close')
    .input(dispatchCopyInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => actOnCopy(tx, ctx.campaign, 'close', input, ctx.user, ctx.now().toISOString()))),
});
