// Starts the API and the dashboard on the demo database, creating it on first run (or with --reset).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { log, superviseChild } from './supervise.mjs';

const root = resolve(import.meta.dirname, '..');
const db = resolve(root, process.env.DUDAO_DB ?? 'data/dudao.db');
const apiPort = process.env.API_PORT ?? '8787';
const webPort = process.env.PORT ?? '3000';
const env = { ...process.env, DUDAO_DB: db };

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(db) || process.argv.includes('--reset')) {
  console.log(`› 生成安徽省演示数据库 ${db}`);
  run('pnpm', ['--filter', '@dudao/api', 'cli', 'db:reset', '--force']);
}
console.log('› 构建看板');
run('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@dudao/dashboard', '--output-logs=errors-only']);

const children = new Map();
const supervisor = { stopping: false };
const supervise = (name, start) => superviseChild(name, start, { children, state: supervisor, log });

supervise('API', () =>
  spawn('pnpm', ['--filter', '@dudao/api', 'start'], {
    cwd: root,
    env: { ...env, PORT: apiPort },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  }),
);
supervise('看板', () =>
  spawn('node', ['build'], {
    cwd: resolve(root, 'apps/dashboard'),
    env: {
      ...env,
      PORT: webPort,
      HOST: '127.0.0.1',
      ORIGIN: `http://localhost:${webPort}`,
      BODY_SIZE_LIMIT: '11M',
      API_URL: `http://127.0.0.1:${apiPort}`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  }),
);
const stop = () => {
  supervisor.stopping = true;
  for (const child of children.values()) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
  setTimeout(() => process.exit(0), 3500).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

async function ready(url) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} 未能启动`);
}
await ready(`http://127.0.0.1:${apiPort}/healthz`);
await ready(`http://127.0.0.1:${webPort}/login`);
spawnSync('pnpm', ['--filter', '@dudao/api', 'cli', 'users', '--brief'], {
  cwd: root,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
});
console.log(
  `\n督导台已启动：\n  看板  http://localhost:${webPort}\n  API   http://127.0.0.1:${apiPort}/healthz\n按 Ctrl+C 停止。`,
);
