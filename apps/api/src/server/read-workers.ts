import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { ReadAnswer, ReadRequest } from './fast-reads';
import type { FromWorker, ToWorker } from './read-worker';

/**
 * Read workers: threads that answer the GET queries (`fast-reads.ts`) while the main thread keeps the writes, the
 * sign-ins, the files and anything a worker leaves. Two reasons:
 * - a recomputation (a cold day's status, a forecast) yields every few milliseconds, but each yield put it behind
 *   every queued read, and a draft save queued behind those: with reads elsewhere, a write waits for no read;
 * - one Node thread used one core; a worker uses another.
 * Each worker opens the database itself and keeps its own caches, current by the change feed exactly as a second API
 * process's are (docs/ENGINES.md), so a write committed here is seen by the worker's next read. On SQLite the main
 * thread stays the one writer (a worker writes only sessions, and waits for the writer at most 20 ms).
 */

export interface ReadWorkers {
  /** The worker's answer, or null when the main thread must answer (no worker warm yet, a worker gone, any error). */
  answer(req: ReadRequest): Promise<ReadAnswer | null>;
  /** Every worker's status cache is warm / its settled days' answers are. */
  readonly warm: boolean;
  readonly answers: boolean;
  /** How many reads the workers have answered (a test sees the reads went there). */
  readonly answered: number;
  close(): Promise<void>;
}

/**
 * `DUDAO_READ_WORKERS`: how many (0: none). By default one: each worker holds a whole copy of the caches (some 1.4 GB
 * for a warmed Anhui) and, on PostgreSQL, its own pool, so more are a deployment's choice for a machine with the cores
 * and memory to spare.
 */
export function readWorkerCount(): number {
  const given = process.env.DUDAO_READ_WORKERS;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 0 || n > 64)
      throw new Error(`DUDAO_READ_WORKERS 应为 0 到 64 的整数（实际为 ${given}）`);
    return n;
  }
  return 1;
}

/** A read the worker has not answered in this long is answered by the main thread (a wedged connection). */
const ANSWER_TIMEOUT_MS = 30_000;
/** Restarts of a failing worker wait 1 s, then twice as long each time up to a minute, until one gets warm. */
const FIRST_RESTART_MS = 1000;
const MAX_RESTART_MS = 60_000;

interface Slot {
  worker: Worker | null;
  restartMs: number;
  warm: boolean;
  answers: boolean;
  inFlight: Map<number, (answer: ReadAnswer | null) => void>;
}

export function startReadWorkers(
  location: string,
  count: number,
  logger: Logger,
  options: { warmAnswers: boolean },
): ReadWorkers {
  let nextId = 1;
  let closing = false;
  let answered = 0;
  const slots: Slot[] = Array.from({ length: count }, () => ({
    worker: null,
    restartMs: FIRST_RESTART_MS,
    warm: false,
    answers: false,
    inFlight: new Map(),
  }));

  const start = (slot: Slot) => {
    const worker = new Worker(new URL('./read-worker.mjs', import.meta.url), {
      workerData: { location, warmAnswers: options.warmAnswers },
      // A worker's SQLite writes (a session's last-seen time, an idle session ended) wait for the writer at most 20 ms,
      // the longest a read may hold its event loop: a busy touch is given up, a busy end leaves the read to this thread.
      env: { ...process.env, DUDAO_BUSY_TIMEOUT_MS: '20' },
    });
    slot.worker = worker;
    worker.on('message', (message: FromWorker) => {
      if ('id' in message) {
        const resolve = slot.inFlight.get(message.id);
        slot.inFlight.delete(message.id);
        if (message.answer) answered += 1;
        resolve?.(message.answer);
      } else if ('stage' in message) {
        slot[message.stage] = true;
        if (message.stage === 'warm') slot.restartMs = FIRST_RESTART_MS;
      } else {
        logger.error({ err: message.failed }, 'read worker warm-up failed');
        void worker.terminate();
      }
    });
    worker.on('error', (err) => logger.error({ err }, 'read worker failed'));
    worker.on('exit', (code) => {
      // Its reads are answered by the main thread; a new worker takes over once warm.
      slot.worker = null;
      slot.warm = false;
      slot.answers = false;
      for (const resolve of slot.inFlight.values()) resolve(null);
      slot.inFlight.clear();
      if (closing) return;
      logger.error({ code, restartInMs: slot.restartMs }, 'read worker stopped; starting another');
      setTimeout(() => !closing && start(slot), slot.restartMs).unref();
      slot.restartMs = Math.min(MAX_RESTART_MS, slot.restartMs * 2);
    });
  };
  slots.forEach(start);

  return {
    answer(req) {
      // The warm worker with the fewest reads in flight.
      let best: Slot | null = null;
      for (const slot of slots)
        if (slot.worker && slot.warm && (!best || slot.inFlight.size < best.inFlight.size)) best = slot;
      if (!best) return Promise.resolve(null);
      const id = nextId++;
      const { method, url, headers } = req;
      const chosen = best;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          chosen.inFlight.delete(id);
          resolve(null);
        }, ANSWER_TIMEOUT_MS);
        chosen.inFlight.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
        chosen.worker!.postMessage({ id, req: { method, url, headers } } satisfies ToWorker);
      });
    },
    get warm() {
      return slots.every((s) => s.warm);
    },
    get answers() {
      return slots.every((s) => s.answers);
    },
    get answered() {
      return answered;
    },
    async close() {
      closing = true;
      await Promise.all(
        slots.map(
          (slot) =>
            new Promise<void>((resolve) => {
              if (!slot.worker) return resolve();
              slot.worker.once('exit', () => resolve());
              slot.worker.postMessage({ close: true } satisfies ToWorker);
              setTimeout(() => void slot.worker?.terminate(), 3000).unref();
            }),
        ),
      );
    },
  };
}
