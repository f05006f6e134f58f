import type { CampaignDef } from '@dudao/schema/campaign';
import type { SessionUser } from '../services/auth/sessions';
import { resolveCampaign } from '../services/campaign/registry';
import { serviceContext, type Ctx, type ServiceContext } from '../services/context';
import { DomainError, outOfScope } from '../services/errors';
import { isWithin, rules, type Rule, type RuleName, type Touched } from './permissions';

/** Who asks, as every adapter knows it: the session's user (none when signed out) and the campaign the request names. */
export interface Caller {
  user: SessionUser | null;
  requestedCampaign?: string;
}

/** What the call then runs with: the user as actor, the campaign in use, and the context for every service. */
export interface Permitted {
  user: SessionUser;
  campaign: CampaignDef;
  service: ServiceContext;
}

/**
 * The one gate of every adapter: the rule named in the permissions table decides, over the raw input, before any
 * service runs. Refusals are DomainErrors, so each adapter answers them with the status of `refusals.ts`.
 */
export async function permit(ctx: Ctx, name: RuleName, caller: Caller, input: unknown): Promise<Permitted> {
  const rule: Rule = rules[name];
  const { user } = caller;
  if (!user) throw new DomainError('unauthorized', '请先登录');
  if (user.mustChangePassword && !rule.beforePasswordChange)
    throw new DomainError('forbidden', '请先修改初始密码（账号页面）后再继续');
  if (!rule.roles.includes(user.role)) throw new DomainError('forbidden', '当前角色无权执行此操作');
  const asked = input !== null && typeof input === 'object' ? (input as never) : undefined;
  const campaign = rule.anyCampaign
    ? await resolveLeniently(ctx, user, caller.requestedCampaign)
    : await resolveCampaign(ctx, user.scopeCode, caller.requestedCampaign);
  const service = serviceContext(ctx.db, campaign, user);
  const units: Touched[] = asked ? await rule.units(asked, service) : [];
  for (const unit of units) {
    if (typeof unit === 'string' && !isWithin(unit, user.scopeCode)) throw new DomainError('forbidden', outOfScope);
    // A record outside the scope answers as one that does not exist, through the same path as the service's own.
    if (unit !== null && typeof unit === 'object' && unit.unit !== undefined && !isWithin(unit.unit, user.scopeCode))
      throw unit.unseen;
  }
  // Last, so a unit outside the scope reads as outside it whatever else the input asks.
  const limited = asked && rule.limit?.(asked, user.role);
  if (limited) throw new DomainError('forbidden', limited);
  return { user, campaign, service };
}

async function resolveLeniently(ctx: Ctx, user: SessionUser, requested: string | undefined) {
  try {
    return await resolveCampaign(ctx, user.scopeCode, requested);
  } catch {
    return await resolveCampaign(ctx, user.scopeCode, undefined);
  }
}
