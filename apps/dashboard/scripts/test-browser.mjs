#!/usr/bin/env node
// Runs the browser tests in parallel shards, each with its own demo database, API and dashboard server (the global
// setup of each vitest process starts them), so no file sees another shard's writes. A browser test spends most of its
// time waiting for pages and servers, not computing: two shards on two cores take little more than half the time.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dashboardDir = fileURLToPath(new URL('../', import.meta.url));
const testsDir = join(dashboardDir, 'tests/browser');
const logsDir = join(dashboardDir, 'test-results/logs');
const shards = Math.max(1, Number(process.env.DUDAO_BROWSER_SHARDS ?? 2));

// Seconds each file took on this 2-core machine (December 2026), only to balance the shards; a file not listed counts
// as an average one. A wrong figure makes one shard finish later, never a test fail.
const seconds = {
  'every-page.test.ts': 280,
  'counts-and-reviews.test.ts': 125,
  'phone-layout.test.ts': 91,
  'overview.test.ts': 88,
  'notify-pages.test.ts': 77,
  'dispatch.test.ts': 74,
  'scope.test.ts': 71,
  'report-workflow.test.ts': 68,
  'urge-all.test.ts': 64,
  'campaign-2022.test.ts': 61,
  'forecast-what-if.test.ts': 55,
  'as-of.test.ts': 41,
};
const average = 30;

const files = readdirSync(testsDir)
  .filter((f) => f.endsWith('.test.ts'))
  .sort((a, b) => (seconds[b] ?? average) - (seconds[a] ?? average) || a.localeCompare(b));
// Longest first, each to the shard with the least so far.
const plan = Array.from({ length: shards }, () => ({ files: [], load: 0 }));
for (const file of files) {
  const lightest = plan.reduce((min, s) => (s.load < min.load ? s : min));
  lightest.files.push(file);
  lightest.load += seconds[file] ?? average;
}

mkdirSync(logsDir, { recursive: true });
const vitest = join(dashboardDir, 'node_modules/.bin/vitest');
const runs = plan
  .filter((s) => s.files.length > 0)
  .map((shard, i) => {
    const name = `${i + 1}/${shards}`;
    const log = join(logsDir, `browser-shard-${i + 1}.log`);
    console.log(`› 浏览器测试分片 ${name}（约 ${shard.load} 秒）：${shard.files.join(' ')}`);
    const child = spawn(vitest, ['run', '--project', 'browser', ...shard.files.map((f) => `tests/browser/${f}`)], {
      cwd: dashboardDir,
      env: { ...process.env, DUDAO_BROWSER_SHARD: String(i + 1), FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = createWriteStream(log);
    // Each line prefixed with its shard, so the two streams stay readable side by side.
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk) => {
        out.write(chunk);
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
      });
      stream.on('end', () => rest && process.stdout.write(`[${name}] ${rest}\n`));
    }
    return new Promise((resolve) => child.on('close', (code) => resolve({ name, code, log })));
  });

const results = await Promise.all(runs);
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) console.error(`✗ 浏览器测试分片 ${r.name} 失败（退出码 ${r.code}），完整输出见 ${r.log}`);
process.exit(failed.length > 0 ? 1 : 0);
