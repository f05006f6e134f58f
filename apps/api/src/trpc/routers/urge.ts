import { resolveAsOf } from '../../services/clock/clock';
import { dispatchListInput, urgeAllInput, urgeInput } from '@dudao/schema/inputs';
import { sendUrge } from '../../services/urge/send';
import { urgeAllMissing } from '../../services/urge/send-all';
import { urgeCountsAt } from '../../services/known/overview-answers';
import { guarded, router } from '../init';

export const urgeRouter = router({
  send: guarded('urge.send')
    .input(urgeInput)
    .mutation(({ ctx, input }) => sendUrge(ctx.service, input)),
  sendAll: guarded('urge.sendAll')
    .input(urgeAllInput)
    .mutation(({ ctx, input }) => urgeAllMissing(ctx.service, input.unit)),
  counts: guarded('urge.counts')
    .input(dispatchListInput)
    .query(async ({ ctx, input }) => {
      const unit = input.unit ?? ctx.user.scopeCode;
      const asOf = await resolveAsOf(ctx.service, input.asOf);
      return urgeCountsAt(ctx.service, unit, asOf);
    }),
});
