import { z } from 'zod';
import { unitCodeSchema, unitSearchInput } from '@dudao/schema/inputs';
import { DomainError } from '../../services/errors';
import { searchUnits } from '../../services/org/search';
import { getUnit } from '../../services/org/units';
import { unitTree } from '../../services/org/tree';
import { guarded, router } from '../init';

export const unitsRouter = router({
  tree: guarded('units.tree')
    .input(z.object({ unit: unitCodeSchema.optional() }).default({}))
    .query(({ ctx, input }) => unitTree(ctx.service, input.unit ?? ctx.user.scopeCode)),
  get: guarded('units.get')
    .input(z.object({ code: unitCodeSchema }))
    .query(async ({ ctx, input }) => {
      const unit = await getUnit(ctx.service, input.code);
      if (!unit) throw new DomainError('not_found', `单位 ${input.code} 不存在`);
      return unit;
    }),
  search: guarded('units.search')
    .input(unitSearchInput)
    .query(({ ctx, input }) => searchUnits(ctx.service, ctx.user.scopeCode, input.query, input.limit)),
});
