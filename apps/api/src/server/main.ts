import { serve } from '@hono/node-server';
import pino from 'pino';
import { openDb } from '../db/client';
import { databasePath } from '../db/paths';
import { currentCampaign } from '../services/campaign/store';
import { createApp } from './app';

const logger = pino({ name: 'dudao-api' });
const path = databasePath();
const { db } = openDb(path);
const campaign = currentCampaign(db);
const port = Number(process.env.PORT ?? 8787);
const app = createApp({ db, campaign, logger, now: () => new Date() });

serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  logger.info({ port: info.port, db: path }, `督导台 API 已启动：http://127.0.0.1:${info.port}`);
});
