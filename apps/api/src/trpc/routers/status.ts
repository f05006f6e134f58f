import { z } from 'zod';
import { isoDateSchema, unitCodeSchema } from '@dudao/schema/inputs';
import { cutToUnit, provinceStatusAt } from '../../services/known/status-at';
import { resolveAsOf } from '../../services/clock/clock';
import { campaignOn } from '../../services/campaign/registry';
import { guarded, router } from '../init';

export const statusRouter = router({
  at: guarded('status.at')
    .input(z.object({ asOf: isoDateSchema.optional(), unit: unitCodeSchema.optional() }))
    .query(({ ctx, input }) => {
      const asOf = resolveAsOf(ctx.db, input.asOf);
      return cutToUnit(provinceStatusAt(ctx.db, campaignOn(ctx.db, ctx.campaign.code, asOf), asOf), input.unit ?? ctx.user.scopeCode);
    }),
});
