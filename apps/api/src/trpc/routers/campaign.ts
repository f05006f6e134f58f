import { guarded, router } from '../init';

export const campaignRouter = router({
  get: guarded('campaign.get').query(({ ctx }) => ctx.campaign),
});
