import { asOfInput, markReadInput } from '@dudao/schema/inputs';
import { markRead, noticesFor } from '../../services/notices/mine';
import { todoFor } from '../../services/todo/mine';
import { resolveAsOf } from '../../services/clock/clock';
import { guarded, router } from '../init';

export const todoRouter = router({
  mine: guarded('todo.mine')
    .input(asOfInput)
    .query(async ({ ctx, input }) => todoFor(ctx.service, await resolveAsOf(ctx.service, input.asOf))),
});

export const noticesRouter = router({
  mine: guarded('notices.mine')
    .input(asOfInput)
    .query(async ({ ctx, input }) => noticesFor(ctx.service, await resolveAsOf(ctx.service, input.asOf))),
  markRead: guarded('notices.markRead')
    .input(markReadInput)
    .mutation(async ({ ctx, input }) => ({
      marked: await markRead(ctx.service, input.keys),
    })),
});
