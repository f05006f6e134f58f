import type { Logger } from 'pino';
import type { Db } from '../db/client';
import type { SessionUser } from '../services/auth/sessions';

export interface AppDeps {
  db: Db;
  logger: Logger;
}

export interface Context extends AppDeps {
  user: SessionUser | null;
  requestId: string;
  /** The caller's session token, so a password change can end every other session but this one. */
  sessionToken?: string;
  /** The campaign the request names (header `x-dudao-campaign`); `guarded` resolves it to `ctx.campaign`. */
  requestedCampaign?: string;
}
