import { campaignsVisibleTo } from '../../services/campaign/registry';
import { guarded, router } from '../init';

export const campaignRouter = router({
  get: guarded('campaign.get').query(({ ctx }) => ctx.campaign),
  // The switcher's choices: the campaigns of the user's province (all of them for a national scope), and the one in use.
  list: guarded('campaign.list').query(async ({ ctx }) => ({
    current: ctx.campaign.code,
    campaigns: await campaignsVisibleTo(ctx.service, ctx.user.scopeCode),
  })),
});
