import { asOfInput, markReadInput } from '@dudao/schema/inputs';
import { markRead, noticesFor } from '../../services/notices/mine';
import { todoFor } from '../../services/todo/mine';
import { resolveAsOf } from '../../services/clock/clock';
import { guarded, router } from '../init';

export const todoRouter = router({
  mine: guarded('todo.mine')
    .input(asOfInput)
    .query(({ ctx, input }) => todoFor(ctx.db, ctx.campaign, ctx.user, resolveAsOf(ctx.db, input.asOf))),
});

export const noticesRouter = router({
  mine: guarded('notices.mine')
    .input(asOfInput)
    .query(({ ctx, input }) => noticesFor(ctx.db, ctx.campaign, ctx.user, resolveAsOf(ctx.db, input.asOf))),
  markRead: guarded('notices.markRead')
    .input(markReadInput)
    .mutation(({ ctx, input }) => ({ marked: markRead(ctx.db, ctx.user, input.keys, ctx.now().toISOString()) })),
});
