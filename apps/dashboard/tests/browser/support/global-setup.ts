import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { apiDir, dashboardDir, resultsDir } from './paths';
import { notifyTimings } from './notify';
import { freePort, runToEnd, startProcess, stopProcess, waitForHealthy, type Started } from './processes';

declare module 'vitest' {
  export interface ProvidedContext {
    dashboardUrl: string;
    /** The demo database the API serves, for a test that installs a campaign beside the demo one. */
    dbPath: string;
  }
}

/** A fresh demo database, the API and the built dashboard on free loopback ports, for the whole browser run. */
export default async function setup(project: TestProject) {
  if (!existsSync(join(dashboardDir, 'build/index.js')))
    throw new Error('apps/dashboard/build is missing: run `pnpm build` first');
  await mkdir(join(resultsDir, 'logs'), { recursive: true });
  const tmp = await mkdtemp(join(tmpdir(), 'dudao-browser-'));
  const db = join(tmp, 'dudao.db');
  const started: Started[] = [];
  const teardown = async () => {
    for (const s of started.reverse()) await stopProcess(s);
    await rm(tmp, { recursive: true, force: true });
  };

  try {
    const tsx = join(apiDir, 'node_modules/.bin/tsx');
    await runToEnd(tsx, ['src/cli/main.ts', 'db:reset', '--db', db], {
      cwd: apiDir,
      env: process.env,
      log: join(resultsDir, 'logs/db-reset.log'),
    });

    const apiPort = await freePort();
    const apiLog = join(resultsDir, 'logs/api.log');
    const api = startProcess('api', process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: apiDir,
      env: {
        ...process.env,
        DUDAO_DB: db,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        // Channel secrets are encrypted under a key of this run only; the outbox worker retries quickly.
        DUDAO_SECRET_KEY: randomBytes(32).toString('hex'),
        DUDAO_WARM_ANSWERS: 'off',
        DUDAO_NOTIFY_POLL_MS: String(notifyTimings.pollMs),
        DUDAO_NOTIFY_BACKOFF_MS: String(notifyTimings.backoffMs),
        DUDAO_NOTIFY_MAX_ATTEMPTS: String(notifyTimings.maxAttempts),
      },
      log: apiLog,
    });
    started.push(api);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHealthy(`${apiUrl}/healthz`, api, apiLog);

    const dashboardPort = await freePort();
    const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
    const dashboardLog = join(resultsDir, 'logs/dashboard.log');
    const dashboard = startProcess('dashboard', process.execPath, ['build'], {
      cwd: dashboardDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(dashboardPort),
        HOST: '127.0.0.1',
        API_URL: apiUrl,
        ORIGIN: dashboardUrl,
        BODY_SIZE_LIMIT: '11M',
      },
      log: dashboardLog,
    });
    started.push(dashboard);
    await waitForHealthy(`${dashboardUrl}/healthz`, dashboard, dashboardLog);

    project.provide('dashboardUrl', dashboardUrl);
    project.provide('dbPath', db);
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}
