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
    .query(({ ctx, input }) => rosterView(ctx.db, ctx.campaign, input.countyCode, resolveAsOf(ctx.db, input.asOf))),
});

export const casesRouter = router({
  summary: guarded('cases.summary')
    .input(countyAt)
    .query(({ ctx, input }) => caseSummary(ctx.db, ctx.campaign, input.countyCode, resolveAsOf(ctx.db, input.asOf))),
});

export const auditRouter = router({
  history: guarded('audit.history')
    // Pages of at most 500, newest first; pass the last entry's `at|id` as cursor for the next page.
    .input(z.object({ unit: unitCodeSchema, period: periodSchema.optional(), indicator: z.string().max(64).optional(), asOf: isoDateSchema.optional(), cursor: z.string().max(64).optional(), limit: z.number().int().min(1).max(AUDIT_PAGE).optional() }))
    .query(({ ctx, input }) => auditHistory(ctx.db, { unit: input.unit, period: input.period, field: input.indicator, asOf: resolveAsOf(ctx.db, input.asOf), cursor: input.cursor, limit: input.limit })),
});
