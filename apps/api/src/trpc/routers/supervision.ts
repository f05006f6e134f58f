import {
  addItemInput,
  closeItemInput,
  correctRecordInput,
  recordVisitInput,
  supervisionListInput,
  supervisionOverviewInput,
  voidRecordInput,
} from '@dudao/schema/inputs';
import { correctRecord, voidRecord } from '../../services/supervision/revisions';
import { addItem, closeItem, recordVisit, visitsWithin } from '../../services/supervision/visits';
import { resolveAsOf } from '../../services/clock/clock';
import { supervisionOverviewAt } from '../../services/known/overview-answers';
import { guarded, router } from '../init';

export const supervisionRouter = router({
  list: guarded('supervision.list')
    .input(supervisionListInput)
    .query(async ({ ctx, input }) =>
      visitsWithin(ctx.service, input.unit ?? ctx.user.scopeCode, await resolveAsOf(ctx.service, input.asOf)),
    ),
  overview: guarded('supervision.overview')
    .input(supervisionOverviewInput)
    .query(async ({ ctx, input }) => {
      const unit = input.unit ?? ctx.user.scopeCode;
      const asOf = await resolveAsOf(ctx.service, input.asOf);
      return supervisionOverviewAt(ctx.service, unit, asOf);
    }),
  recordVisit: guarded('supervision.recordVisit')
    .input(recordVisitInput)
    .mutation(({ ctx, input }) => recordVisit(ctx.service, input)),
  addItem: guarded('supervision.addItem')
    .input(addItemInput)
    .mutation(({ ctx, input }) => addItem(ctx.service, input)),
  closeItem: guarded('supervision.closeItem')
    .input(closeItemInput)
    .mutation(({ ctx, input }) => closeItem(ctx.service, input)),
  correct: guarded('supervision.correct')
    .input(correctRecordInput)
    .mutation(({ ctx, input }) => correctRecord(ctx.service, input)),
  void: guarded('supervision.void')
    .input(voidRecordInput)
    .mutation(({ ctx, input }) => voidRecord(ctx.service, input)),
});
