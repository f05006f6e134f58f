import { z } from 'zod';
import { isoDateSchema, unitCodeSchema } from '@dudao/schema/inputs';
import { cutToUnit, provinceStatusAt } from '../../services/known/status-at';
import { guarded, router } from '../init';

export const statusRouter = router({
  at: guarded('status.at')
    .input(z.object({ asOf: isoDateSchema, unit: unitCodeSchema.optional() }))
    .query(({ ctx, input }) => cutToUnit(provinceStatusAt(ctx.db, ctx.campaign, input.asOf), input.unit ?? ctx.user.scopeCode)),
});
