import {
  addItemInput,
  closeItemInput,
  correctRecordInput,
  recordVisitInput,
  supervisionListInput,
  supervisionOverviewInput,
  voidRecordInput,
} from '@dudao/schema/inputs';
import { supervisionOverview } from '../../services/supervision/overview';
import { correctRecord, voidRecord } from '../../services/supervision/revisions';
import { addItem, closeItem, recordVisit, visitsWithin } from '../../services/supervision/visits';
import { resolveAsOf } from '../../services/clock/clock';
import { requireCampaignDate } from '../../services/campaign/window';
import { guarded, router } from '../init';

export const supervisionRouter = router({
  list: guarded('supervision.list')
    .input(supervisionListInput)
    .query(async ({ ctx, input }) =>
      visitsWithin(ctx.service, input.unit ?? ctx.user.scopeCode, await resolveAsOf(ctx.service, input.asOf)),
    ),
  overview: guarded('supervision.overview')
    .input(supervisionOverviewInput)
    .query(async ({ ctx, input }) =>
      supervisionOverview(ctx.service, input.unit ?? ctx.user.scopeCode, await resolveAsOf(ctx.service, input.asOf)),
    ),
  recordVisit: guarded('supervision.recordVisit')
    .input(recordVisitInput)
    // The record says who supervised: a city officer's visit is the city's, an admin's the province's.
    .mutation(({ ctx, input }) => {
      const byLevel = ctx.user.role === 'city_officer' ? 'city' : input.byLevel;
      return recordVisit(ctx.service, { ...input, byLevel });
    }),
  addItem: guarded('supervision.addItem')
    .input(addItemInput)
    .mutation(({ ctx, input }) => {
      requireCampaignDate(ctx.campaign, 'dueOn', input.dueOn, 'due');
      return addItem(ctx.service, input);
    }),
  closeItem: guarded('supervision.closeItem')
    .input(closeItemInput)
    .mutation(({ ctx, input }) => closeItem(ctx.service, input)),
  correct: guarded('supervision.correct')
    .input(correctRecordInput)
    .mutation(async ({ ctx, input }) => correctRecord(ctx.service, input)),
  void: guarded('supervision.void')
    .input(voidRecordInput)
    .mutation(async ({ ctx, input }) => voidRecord(ctx.service, input)),
});
