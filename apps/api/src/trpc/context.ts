import type { CampaignDef } from '@dudao/schema/campaign';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import type { SessionUser } from '../services/auth/sessions';

export interface AppDeps {
  db: Db;
  campaign: CampaignDef;
  logger: Logger;
  /** The time writes are recorded at, injectable so tests can play the campaign at its dates; sessions always use the wall clock. */
  now: () => Date;
}

export interface Context extends AppDeps {
  user: SessionUser | null;
  requestId: string;
  /** The caller's session token, so a password change can end every other session but this one. */
  sessionToken?: string;
}
