import { z } from 'zod';
import { isoDateSchema, unitCodeSchema } from '@dudao/schema/inputs';
import { cutToUnit, provinceStatusAt } from '../../services/known/status-at';
import { resolveAsOf } from '../../services/clock/clock';
import { guarded, router } from '../init';

export const statusRouter = router({
  at: guarded('status.at')
    .input(z.object({ asOf: isoDateSchema.optional(), unit: unitCodeSchema.optional() }))
    .query(({ ctx, input }) => cutToUnit(provinceStatusAt(ctx.db, ctx.campaign, resolveAsOf(ctx.db, input.asOf)), input.unit ?? ctx.user.scopeCode)),
});
