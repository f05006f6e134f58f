import { rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { serverMarker, shownLocation } from '../services/backup/backup';
import { openDb } from '../db/client';
import { databasePath } from '../db/paths';
import { currentCampaign } from '../services/campaign/store';
import { installedCampaigns } from '../services/campaign/registry';
import { serveApi } from './serve';
import { beijingDate } from '@dudao/schema/campaign';
import { campaignDays, warmOverviewAnswers, warmStatusCache } from '../services/known/warm';
import { startNotify } from '../services/notify/runner';

const logger = pino({ name: 'dudao-api' });
const path = databasePath();
const opened = await openDb(path);
// The pid marker guards a SQLite file against a restore while we run; a PostgreSQL URL has no file beside it.
const marker = opened.kind === 'sqlite' && path !== ':memory:' ? serverMarker(path) : null;
if (marker) {
  writeFileSync(marker, String(process.pid));
  process.once('exit', () => rmSync(marker, { force: true }));
}
const { db } = opened;
const port = Number(process.env.PORT ?? 8787);
const readiness = { warm: false, answers: false };
const server = serveApi({ db, logger }, readiness);

server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  const info = server.address() as AddressInfo;
  // A URL may carry a password: the log names the engine and database, never the credentials.
  logger.info({ port: info.port, db: shownLocation(path) }, `督导台 API 已启动：http://127.0.0.1:${info.port}`);
  // A failing start-up read ends the process, as it did when the warm-up ran inline.
  warm().catch((err) => {
    logger.error({ err }, 'status cache warm-up failed');
    process.exit(1);
  });
});

let stopWarm = () => {};
// Reminders on the campaign clock and the outbox worker run in every API process (DUDAO_NOTIFY=off leaves them out).
const stopNotify = process.env.DUDAO_NOTIFY === 'off' ? async () => {} : startNotify(db, logger);

async function warm(): Promise<void> {
  const today = beijingDate(new Date());
  const plans: { campaign: Awaited<ReturnType<typeof currentCampaign>>; days: string[] }[] = [];
  for (const k of await installedCampaigns(opened)) {
    const campaign = await currentCampaign(opened, k.code);
    plans.push({ campaign, days: campaignDays(campaign, today) });
  }
  stopWarm = warmStatusCache(
    opened,
    plans,
    (ms) => {
      readiness.warm = true;
      logger.info(
        {
          campaigns: plans.map((p) => p.campaign.code),
          days: plans.reduce((n, p) => n + p.days.length, 0),
          ms: Math.round(ms),
        },
        'status cache warmed',
      );
      // DUDAO_WARM_ANSWERS=off leaves settled days to be filled as they are asked (the browser tests' API, which
      // moves the clock under them and would only spend the CPU the browser needs).
      if (process.env.DUDAO_WARM_ANSWERS === 'off') return;
      stopWarm = warmOverviewAnswers(
        opened,
        plans,
        (ms) => {
          readiness.answers = true;
          logger.info({ ms: Math.round(ms) }, 'overview answers of settled days warmed');
        },
        (err) => logger.error({ err }, 'overview answers warm-up failed'),
      );
    },
    // A request answers without the cache, so a failed warm-up is logged, not fatal.
    (err) => logger.error({ err }, 'status cache warm-up failed'),
  );
}

// Finish in-flight requests and close the database before leaving (SQLite checkpoints its WAL, PostgreSQL's pool ends).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopWarm();
    server.close(() => {
      void stopNotify()
        .then(() => opened.close())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
