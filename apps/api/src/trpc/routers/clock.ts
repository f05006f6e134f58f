import { clockSetInput } from '@dudao/schema/inputs';
import { readClock, setClock } from '../../services/clock/clock';
import { guarded, router } from '../init';

export const clockRouter = router({
  get: guarded('clock.get').query(({ ctx }) => readClock(ctx.service)),
  // From the dashboard the clock only moves forward, so no new write lands before one already recorded.
  set: guarded('clock.set')
    .input(clockSetInput)
    .mutation(({ ctx, input }) => setClock(ctx.service, { at: input.at, forwardOnly: true })),
});
