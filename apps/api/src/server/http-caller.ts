import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { sessionUser } from '../services/auth/sessions';
import type { AppDeps } from '../trpc/context';
import type { Caller } from '../trpc/permit';
import { sessionCookie } from './auth-routes';

/** The dashboard sends the chosen campaign in this header; a link may name it as `?campaign=` instead. */
export const campaignHeader = 'x-dudao-campaign';

/** The caller of a plain HTTP route, as the gate knows a tRPC caller: the session's user and the campaign named. */
export async function httpCaller(c: Context, deps: AppDeps): Promise<Caller> {
  return {
    user: await sessionUser(deps, getCookie(c, sessionCookie), new Date()),
    requestedCampaign: c.req.query('campaign') || c.req.header(campaignHeader) || undefined,
  };
}
