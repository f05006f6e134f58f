import type { CampaignDef } from '@dudao/schema/campaign';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import type { SessionUser } from '../services/auth/sessions';

export interface AppDeps {
  db: Db;
  campaign: CampaignDef;
  logger: Logger;
  /** The clock, injectable so tests can play the campaign at its real dates. */
  now: () => Date;
}

export interface Context extends AppDeps {
  user: SessionUser | null;
  requestId: string;
}
