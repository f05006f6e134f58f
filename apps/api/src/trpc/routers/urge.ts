import { resolveAsOf } from '../../services/clock/clock';
import { dispatchListInput, urgeInput } from '@dudao/schema/inputs';
import { urgeCounts } from '../../services/urge/counts';
import { sendUrge } from '../../services/urge/send';
import { guarded, router } from '../init';

export const urgeRouter = router({
  send: guarded('urge.send')
    .input(urgeInput)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => sendUrge(tx, ctx.campaign, input, ctx.user, ctx.now().toISOString()))),
  counts: guarded('urge.counts')
    .input(dispatchListInput)
    .query(({ ctx, input }) => urgeCounts(ctx.db, ctx.campaign, input.unit ?? ctx.user.scopeCode, resolveAsOf(ctx.db, input.asOf))),
});
