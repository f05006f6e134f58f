import { z } from 'zod';
import { isoDateSchema, unitCodeSchema } from '@dudao/schema/inputs';
import { cutToUnit, provinceStatusAt } from '../../services/known/status-at';
import { resolveAsOf } from '../../services/clock/clock';
import { campaignOn } from '../../services/campaign/registry';
import { statusCounty, statusOverview } from '../../services/status/answers';
import { MAX_PAGE } from '../../services/status/shapes';
import { forecastsAt, forecastsCut, gateForecastsCut } from '../../services/forecast/forecast-at';
import { whatIfAt } from '../../services/forecast/what-if-at';
import type { Ctx } from '../../services/context';
import { guarded, router } from '../init';

const forecastInput = z.object({ asOf: isoDateSchema.optional(), unit: unitCodeSchema.optional() });

/** The day's forecasts, judged by the campaign version in force that day, and the unit asked (the user's by default). */
async function forecastsFor(service: Ctx<'campaign'>, scope: string, input: z.infer<typeof forecastInput>) {
  const asOf = await resolveAsOf(service, input.asOf);
  const campaign = await campaignOn(service, service.campaign.code, asOf);
  return { all: await forecastsAt({ ...service, campaign }, asOf), asOf, unit: input.unit ?? scope };
}

export const statusRouter = router({
  at: guarded('status.at')
    .input(z.object({ asOf: isoDateSchema.optional(), unit: unitCodeSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const asOf = await resolveAsOf(ctx.service, input.asOf);
      // The status as of a past day is judged by the campaign version in force that day.
      const campaign = await campaignOn(ctx.service, ctx.campaign.code, asOf);
      return cutToUnit(await provinceStatusAt({ ...ctx.service, campaign }, asOf), input.unit ?? ctx.user.scopeCode);
    }),

  /** What an overview page draws (KPIs, tallies, cities, one page of ranked counties), not every indicator. */
  overview: guarded('status.overview')
    .input(
      z.object({
        asOf: isoDateSchema.optional(),
        unit: unitCodeSchema.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(MAX_PAGE).default(MAX_PAGE),
      }),
    )
    .query(({ ctx, input }) => statusOverview(ctx.service, { ...input, unit: input.unit ?? ctx.user.scopeCode })),
  /** One county's page: every indicator of that county only. */
  county: guarded('status.county')
    .input(z.object({ asOf: isoDateSchema.optional(), code: unitCodeSchema }))
    .query(({ ctx, input }) => statusCounty(ctx.service, input)),
  /** Each county's forecast (every gate and targeted indicator with a future deadline) as of a day, cut to the unit. */
  forecast: guarded('status.forecast')
    .input(forecastInput)
    .query(async ({ ctx, input }) => {
      const { all, asOf, unit } = await forecastsFor(ctx.service, ctx.user.scopeCode, input);
      return forecastsCut(all, asOf, unit);
    }),
  /** What an overview's 截止日预警 shows: the counties with a gate ahead, each with its gates' forecasts only. */
  gateForecasts: guarded('status.gateForecasts')
    .input(forecastInput)
    .query(async ({ ctx, input }) => {
      const { all, asOf, unit } = await forecastsFor(ctx.service, ctx.user.scopeCode, input);
      return gateForecastsCut(all, asOf, unit);
    }),
  /** The smallest set of fixes that would take a county off the lagging list at a day, each re-judged by the rules. */
  whatIf: guarded('status.whatIf')
    .input(z.object({ asOf: isoDateSchema.optional(), countyCode: unitCodeSchema }))
    .query(async ({ ctx, input }) => {
      const asOf = await resolveAsOf(ctx.service, input.asOf);
      const campaign = await campaignOn(ctx.service, ctx.campaign.code, asOf);
      return whatIfAt({ ...ctx.service, campaign }, input.countyCode, asOf);
    }),
});
