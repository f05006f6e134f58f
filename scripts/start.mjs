// Starts the API and the dashboard on the demo database, creating it on first run (or with --reset).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

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

const children = [
  spawn('pnpm', ['--filter', '@dudao/api', 'start'], { cwd: root, env: { ...env, PORT: apiPort }, stdio: ['ignore', 'ignore', 'inherit'] }),
  spawn('node', ['build'], {
    cwd: resolve(root, 'apps/dashboard'),
    env: { ...env, PORT: webPort, HOST: '127.0.0.1', ORIGIN: `http://localhost:${webPort}`, API_URL: `http://127.0.0.1:${apiPort}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => { if (code) { console.error(`进程退出（${code}），停止督导台`); stop(); process.exit(code); } }));

async function ready(url) {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(url)).status < 500) return; } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} 未能启动`);
}
await ready(`http://127.0.0.1:${apiPort}/healthz`);
await ready(`http://127.0.0.1:${webPort}/login`);
spawnSync('pnpm', ['--filter', '@dudao/api', 'cli', 'users', '--brief'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
console.log(`\n督导台已启动：\n  看板  http://localhost:${webPort}\n  API   http://127.0.0.1:${apiPort}/healthz\n按 Ctrl+C 停止。`);
