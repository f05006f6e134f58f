import { z } from 'zod';
import { addItemInput, closeItemInput, recordVisitInput, unitCodeSchema } from '@dudao/schema/inputs';
import { addItem, closeItem, recordVisit, visitsWithin } from '../../services/supervision/visits';
import { guarded, router } from '../init';

export const supervisionRouter = router({
  list: guarded('supervision.list')
    .input(z.object({ unit: unitCodeSchema.optional() }))
    .query(({ ctx, input }) => visitsWithin(ctx.db, input.unit ?? ctx.user.scopeCode)),
  recordVisit: guarded('supervision.recordVisit')
    .input(recordVisitInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => recordVisit(tx, input, ctx.user, ctx.now().toISOString()))),
  addItem: guarded('supervision.addItem')
    .input(addItemInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => addItem(tx, input, ctx.user, ctx.now().toISOString()))),
  closeItem: guarded('supervision.closeItem')
    .input(closeItemInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => closeItem(tx, input, ctx.user, ctx.now().toISOString()))),
});
