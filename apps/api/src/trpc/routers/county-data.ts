import { z } from 'zod';
import { isoDateSchema, periodSchema, unitCodeSchema } from '@dudao/schema/inputs';
import { AUDIT_PAGE, auditHistory } from '../../services/audit/history';
import { caseSummary } from '../../services/cases/summary';
import { rosterView } from '../../services/roster/view';
import { resolveAsOf } from '../../services/clock/clock';
import { guarded, router } from '../init';

const countyAt = z.object({ countyCode: unitCodeSchema, asOf: isoDateSchema.optional() });

export const rosterRouter = router({
  current: guarded('roster.current')
    .input(countyAt)
    .query(async ({ ctx, input }) =>
      rosterView(ctx.service, input.countyCode, await resolveAsOf(ctx.service, input.asOf)),
    ),
});

export const casesRouter = router({
  summary: guarded('cases.summary')
    .input(countyAt)
    .query(async ({ ctx, input }) =>
      caseSummary(ctx.service, input.countyCode, await resolveAsOf(ctx.service, input.asOf)),
    ),
});

export const auditRouter = router({
  history: guarded('audit.history')
    // Pages of at most 500, newest first; pass the last entry's `at|id` as cursor for the next page.
    .input(
      z.object({
        unit: unitCodeSchema,
        period: periodSchema.optional(),
        indicator: z.string().max(64).optional(),
        asOf: isoDateSchema.optional(),
        cursor: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(AUDIT_PAGE).optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      auditHistory(ctx.service, {
        unit: input.unit,
        period: input.period,
        field: input.indicator,
        asOf: await resolveAsOf(ctx.service, input.asOf),
        cursor: input.cursor,
        limit: input.limit,
      }),
    ),
});
