import { rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { serverMarker, shownLocation } from '../services/backup/backup';
import { openDb } from '../db/client';
import { databasePath } from '../db/paths';
import type { Readiness } from './readiness';
import { readWorkerCount, startReadWorkers } from './read-workers';
import { serveApi } from './serve';
import { warmUp } from './warm-up';
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
// DUDAO_WARM_ANSWERS=off leaves settled days to be filled as they are asked (the browser tests' API, which moves the
// clock under them and would only spend the CPU the browser needs).
const warmAnswers = process.env.DUDAO_WARM_ANSWERS !== 'off';
// A worker opens the database itself: an in-memory one would be another, empty database.
const workerCount = path === ':memory:' ? 0 : readWorkerCount();
const workers = workerCount > 0 ? startReadWorkers(path, workerCount, logger, { warmAnswers }) : null;
// Ready once the readers' status caches are warm: the read workers', else this thread's.
const local = { warm: false, answers: false };
const readiness: Readiness = {
  get warm() {
    return local.warm && (workers?.warm ?? true);
  },
  get answers() {
    return workers ? workers.answers : local.answers;
  },
};
const server = serveApi({ db, logger }, readiness, workers);

let stopWarm = () => {};
server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  const info = server.address() as AddressInfo;
  // A URL may carry a password: the log names the engine and database, never the credentials.
  logger.info({ port: info.port, db: shownLocation(path) }, `督导台 API 已启动：http://127.0.0.1:${info.port}`);
  // With read workers the reads are theirs and only they warm up: this thread's caches fill as its writes and files
  // ask, and its heap stays small (with both warmed, a write was held for hundreds of milliseconds now and then).
  if (workers) {
    local.warm = true;
    return;
  }
  warmUp(opened, logger, {
    answers: warmAnswers,
    onWarm: () => (local.warm = true),
    onAnswers: () => (local.answers = true),
  }).then(
    (stop) => (stopWarm = stop),
    // A failing start-up read ends the process, as it did when the warm-up ran inline.
    (err: unknown) => {
      logger.error({ err }, 'status cache warm-up failed');
      process.exit(1);
    },
  );
});

// Reminders on the campaign clock and the outbox worker run in every API process (DUDAO_NOTIFY=off leaves them out).
const stopNotify = process.env.DUDAO_NOTIFY === 'off' ? async () => {} : startNotify(db, logger);

// Finish in-flight requests and close the database before leaving (SQLite checkpoints its WAL, PostgreSQL's pool ends).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopWarm();
    server.close(() => {
      void Promise.all([stopNotify(), workers?.close()])
        .then(() => opened.close())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
