import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { ReadAnswer, ReadRequest } from './fast-reads';
import type { FromWorker, ToWorker } from './read-worker';

/**
 * Read workers: threads that answer the GET queries (`fast-reads.ts`) while the main thread keeps the writes, the
 * sign-ins, the files and anything a worker leaves. Two reasons:
 * - a recomputation (a cold day's status, a forecast) yields every few milliseconds, but each yield put it behind
 *   every queued read, and a draft save queued behind those: with reads elsewhere, a write waits for no read;
 * - one Node thread used one core; the workers use the others.
 * Each worker opens the database itself and keeps its own caches, current by the change feed exactly as a second API
 * process's are (docs/ENGINES.md), so a write committed here is seen by the worker's next read. On SQLite the main
 * thread stays the one writer (a worker writes only a session's last-seen time, and gives that up when busy).
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

/** `DUDAO_READ_WORKERS`: how many; by default one per core beyond the main thread's, at least one (0: none). */
export function readWorkerCount(): number {
  const given = process.env.DUDAO_READ_WORKERS;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 0 || n > 64)
      throw new Error(`DUDAO_READ_WORKERS 应为 0 到 64 的整数（实际为 ${given}）`);
    return n;
  }
  return Math.max(1, availableParallelism() - 1);
}

interface Slot {
  worker: Worker | null;
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
    warm: false,
    answers: false,
    inFlight: new Map(),
  }));

  const start = (slot: Slot) => {
    const worker = new Worker(new URL('./read-worker.mjs', import.meta.url), {
      workerData: { location, warmAnswers: options.warmAnswers },
      // A worker waits for the writer at most briefly: its one write (a session's last-seen time) is given up when busy.
      env: { ...process.env, DUDAO_BUSY_TIMEOUT_MS: '200' },
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
      logger.error({ code }, 'read worker stopped; starting another');
      setTimeout(() => !closing && start(slot), 1000).unref();
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
        chosen.inFlight.set(id, resolve);
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
