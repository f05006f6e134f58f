import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { openDb } from '../db/client';
import { readAnswers, type ReadAnswer, type ReadRequest } from './fast-reads';
import { warmUp } from './warm-up';

/**
 * A read worker (see `read-workers.ts`): its own connection to the database, its own caches, kept current by the
 * change feed like another API process's, answering the GET queries the main thread hands it.
 */

export type ToWorker = { id: number; req: ReadRequest } | { close: true };
export type FromWorker = { id: number; answer: ReadAnswer | null } | { stage: 'warm' | 'answers' } | { failed: string };

const port = parentPort!;
const { location, warmAnswers } = workerData as { location: string; warmAnswers: boolean };
const logger = pino({ name: 'dudao-api-reader' });
const opened = await openDb(location);
const answer = readAnswers({ db: opened.db, logger });
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
  if ('close' in message) {
    stopWarm();
    void opened.close().finally(() => process.exit(0));
    return;
  }
  answer(message.req).then(
    (answered) => {
      // The body's bytes move to the main thread rather than being copied; a kept body (a cached answer's) is copied
      // first, since other readers still need it here.
      const body = answered?.body ? new Uint8Array(answered.body) : null;
      post({ id: message.id, answer: answered && { ...answered, body } }, body ? [body.buffer] : []);
    },
    () => post({ id: message.id, answer: null }),
  );
});

let stopWarm = () => {};
let warm = false;
warmUp(opened, logger, {
  answers: warmAnswers,
  onWarm: () => {
    warm = true;
    post({ stage: 'warm' });
  },
  onAnswers: () => post({ stage: 'answers' }),
  // A worker whose status warm-up failed would never be used: it stops, and the main thread starts another.
  onFailed: (err) => warm || post({ failed: String(err) }),
}).then(
  (stop) => (stopWarm = stop),
  (err: unknown) => post({ failed: String(err) }),
);
