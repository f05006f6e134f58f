import { addItemInput, closeItemInput, correctRecordInput, recordVisitInput, supervisionListInput, supervisionOverviewInput, voidRecordInput } from '@dudao/schema/inputs';
import { supervisionOverview } from '../../services/supervision/overview';
import { correctRecord, voidRecord } from '../../services/supervision/revisions';
import { addItem, closeItem, recordVisit, visitsWithin } from '../../services/supervision/visits';
import { resolveAsOf } from '../../services/clock/clock';
import { requireCampaignDate } from '../../services/campaign/window';
import { guarded, router } from '../init';

export const supervisionRouter = router({
  list: guarded('supervision.list')
    .input(supervisionListInput)
    .query(({ ctx, input }) => visitsWithin(ctx.db, ctx.campaign, input.unit ?? ctx.user.scopeCode, resolveAsOf(ctx.db, input.asOf))),
  overview: guarded('supervision.overview')
    .input(supervisionOverviewInput)
    .query(({ ctx, input }) => supervisionOverview(ctx.db, ctx.campaign, input.unit ?? ctx.user.scopeCode, resolveAsOf(ctx.db, input.asOf))),
  recordVisit: guarded('supervision.recordVisit')
    .input(recordVisitInput)
    // The record says who supervised: a city officer's visit is the city's, an admin's the province's.
    .mutation(({ ctx, input }) => {
      const byLevel = ctx.user.role === 'city_officer' ? 'city' : input.byLevel;
      return ctx.db.transaction((tx) => recordVisit(tx, ctx.campaign, { ...input, byLevel }, ctx.user, ctx.now().toISOString()));
    }),
  addItem: guarded('supervision.addItem')
    .input(addItemInput)
    .mutation(({ ctx, input }) => {
      requireCampaignDate(ctx.campaign, 'dueOn', input.dueOn, 'due');
      return ctx.db.transaction((tx) => addItem(tx, ctx.campaign, input, ctx.user, ctx.now().toISOString()));
    }),
  closeItem: guarded('supervision.closeItem')
    .input(closeItemInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => closeItem(tx, ctx.campaign, input, ctx.user, ctx.now().toISOString()))),
  correct: guarded('supervision.correct')
    .input(correctRecordInput)
    .mutation(({ ctx, input }) => correctRecord(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input)),
  void: guarded('supervision.void')
    .input(voidRecordInput)
    .mutation(({ ctx, input }) => voidRecord(ctx.db, ctx.campaign, ctx.user, ctx.now().toISOString(), input)),
});
