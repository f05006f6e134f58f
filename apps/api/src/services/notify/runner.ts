import type { Logger } from 'pino';
import type { Db } from '../../db/engine';
import { installedCampaigns } from '../campaign/registry';
import { currentCampaign } from '../campaign/store';
import { evaluateSchedule } from './schedule';
import { runOnce, workerOptions, type WorkerOptions } from './worker';

/**
 * The API process's notice loop: each tick evaluates the campaign clock's passage (a demo clock moved forward fires
 * its reminders at the next tick; real time advances by itself) and delivers what is due. Every process may run it:
 * the schedule serializes on the database and the outbox claims keep two workers off one message.
 */
export function startNotify(db: Db, logger: Pick<Logger, 'error' | 'info'>, options: Partial<WorkerOptions> = {}) {
  const opts = { ...workerOptions(), ...options };
  const pollMs = Number(process.env.DUDAO_NOTIFY_POLL_MS ?? 2000);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  async function tick() {
    for (const k of await installedCampaigns({ db })) {
      const { days, written } = await evaluateSchedule(db, await currentCampaign({ db }, k.code));
      if (written) logger.info({ campaign: k.code, days, written }, '已生成定时提醒');
    }
    // Keep delivering while whole batches come back: a backlog drains without waiting a tick per batch.
    while (!stopped && (await runOnce(db, opts)) >= opts.batch);
  }

  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((err) => logger.error({ err }, '通知发送循环出错'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, pollMs);
      });
  };
  loop();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
