import { serve } from '@hono/node-server';
import { rmSync, writeFileSync } from 'node:fs';
import pino from 'pino';
import { serverMarker } from '../services/backup/backup';
import { openDb } from '../db/client';
import { databasePath } from '../db/paths';
import { currentCampaign } from '../services/campaign/store';
import { installedCampaigns } from '../services/campaign/registry';
import { createApp } from './app';
import { beijingDate } from '@dudao/schema/campaign';
import { campaignDays, warmStatusCache } from '../services/known/warm';

const logger = pino({ name: 'dudao-api' });
const path = databasePath();
const opened = openDb(path);
const marker = serverMarker(path);
if (path !== ':memory:') writeFileSync(marker, String(process.pid));
process.once('exit', () => rmSync(marker, { force: true }));
const { db } = opened;
const port = Number(process.env.PORT ?? 8787);
const readiness = { warm: false };
const app = createApp({ db, logger }, readiness);

const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  logger.info({ port: info.port, db: path }, `督导台 API 已启动：http://127.0.0.1:${info.port}`);
  const today = beijingDate(new Date());
  const plans = installedCampaigns(db).map((k) => {
    const campaign = currentCampaign(db, k.code);
    return { campaign, days: campaignDays(campaign, today) };
  });
  warmStatusCache(db, plans, (ms) => {
    readiness.warm = true;
    logger.info({ campaigns: plans.map((p) => p.campaign.code), days: plans.reduce((n, p) => n + p.days.length, 0), ms: Math.round(ms) }, 'status cache warmed');
  });
});

// Finish in-flight requests and checkpoint the WAL before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => {
      opened.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
