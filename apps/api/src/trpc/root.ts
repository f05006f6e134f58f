import { router } from './init';
import { campaignRouter } from './routers/campaign';
import { unitsRouter } from './routers/units';

export const appRouter = router({
  units: unitsRouter,
  campaign: campaignRouter,
});

export type AppRouter = typeof appRouter;
