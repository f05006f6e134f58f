import { and, eq, lt } from 'drizzle-orm';
import { outbox } from '@dudao/schema/tables';
import type { Db } from '../../src/db/client';
import { runOnce, type WorkerOptions } from '../../src/services/notify/worker';

// A fixed key for the test run: secrets are encrypted with it as in a deployment.
export const TEST_SECRET_KEY = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a';

export const testWorker = (over: Partial<WorkerOptions> = {}): WorkerOptions => ({
  id: `test-${process.pid}`,
  batch: 50,
  leaseMs: 30_000,
  backoffMs: 100,
  maxAttempts: 6,
  ...over,
});

/**
 * Runs the worker until nothing is pending within the next few seconds (a message deferred for an hour is left),
 * sleeping through backoffs; bounded, so a bug fails instead of hanging.
 */
export async function drain(db: Db, opts: WorkerOptions, rounds = 200): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await runOnce(db, opts);
    const soon = new Date(Date.now() + 5000).toISOString();
    const pending = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.state, 'pending'), lt(outbox.nextAt, soon)))
      .all();
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('outbox did not drain');
}
