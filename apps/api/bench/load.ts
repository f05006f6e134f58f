import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { decideReport } from '../src/services/reports/workflow';
import { findReport } from '../src/services/reports/store';
import { listUnits } from '../src/services/org/units';
import { demoPassword } from '../src/services/users/demo-accounts';
import { openDb } from '../src/db/client';
import { isPostgresUrl } from '../src/db/postgres';
import { benchContext, benchDb, median } from './support';

const CLIENTS = 50;
const SECONDS = 20;
const PORT = 18787;

/**
 * The load runs on a copy of the demo database: a copied file on SQLite; on PostgreSQL (`--db postgres://…`) a
 * `CREATE DATABASE … TEMPLATE` copy beside it on the same server, dropped afterwards (the role needs CREATEDB).
 */
const source = await benchDb('province');
await source.close();
const postgres = isPostgresUrl(source.path);
let location: string;
let dropCopy = async () => {};
if (postgres) {
  const url = new URL(source.path);
  const name = `${decodeURIComponent(url.pathname.slice(1))}_load`;
  const maintenance = new URL(source.path);
  maintenance.pathname = '/postgres';
  const onServer = async (statement: string) => {
    const client = new pg.Client({ connectionString: maintenance.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const quoted = (n: string) => `"${n.replace(/"/g, '""')}"`;
  await onServer(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  await onServer(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(decodeURIComponent(url.pathname.slice(1)))}`);
  url.pathname = `/${name}`;
  location = url.toString();
  dropCopy = () => onServer(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
} else {
  location = join(mkdtempSync(join(tmpdir(), 'dudao-load-')), 'load.db');
  copyFileSync(source.path, location);
}

// Fifty counties get their December report reopened so their clerks can save drafts.
const opened = await openDb(location);
const ctx = await benchContext(opened);
const counties = (await listUnits(ctx, { level: 'county' })).slice(0, CLIENTS).map((c) => c.code);
for (const county of counties) {
  const report = await findReport(ctx, county, '2021-12');
  if (report && !['draft', 'returned'].includes(report.state)) {
    await decideReport(
      ctx,
      new Date().toISOString(),
      { countyCode: county, period: '2021-12', version: report.version, reason: '压力测试：重新打开' },
      'reopen',
    );
  }
}
await opened.close();

// SQLite: one API process (its one writer). PostgreSQL: two processes on the one database, the clients alternating
// between them request by request, so a write through one is read back through the other.
const ports = postgres ? [PORT, PORT + 1] : [PORT];
const bases = ports.map((port) => `http://127.0.0.1:${port}`);
const servers: ChildProcess[] = ports.map((port, i) =>
  spawn(
    'node',
    [
      ...(process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=/tmp/sprof${i}`] : []),
      '--import',
      'tsx',
      'src/server/main.ts',
    ],
    {
      env: { ...process.env, DUDAO_DB: location, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  ),
);
// Measure the servers as they serve once ready: /healthz says when a status cache has warmed.
const startedAt = Date.now();
for (const base of bases) {
  for (let i = 0; i < 600; i++) {
    try {
      const health = (await (await fetch(`${base}/healthz`)).json()) as { warm: boolean };
      if (health.warm) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
}
console.log(
  `API ${bases.length > 1 ? `${bases.length} 个进程` : ''}就绪（含状态缓存预热）用时 ${((Date.now() - startedAt) / 1000).toFixed(1)} 秒`,
);

async function loginAs(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`登录失败 ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const days = Array.from({ length: 180 }, (_, i) => new Date(Date.UTC(2021, 6, 1 + i)).toISOString().slice(0, 10));
const latencies: number[] = [];
const byKind = { read: [] as number[], write: [] as number[] };
let errors = 0;
let writes = 0;
const deadline = Date.now() + SECONDS * 1000;

async function client(county: string, index: number) {
  // The session is a database row, so the cookie from one process is good on the other.
  const cookie = await loginAs(bases[index % bases.length]!, `county${county}`);
  const headers = { cookie, 'content-type': 'application/json' };
  const detail = await fetch(
    `${bases[0]}/trpc/reports.get?input=${encodeURIComponent(JSON.stringify({ countyCode: county, period: '2021-12' }))}`,
    { headers },
  );
  let version = ((await detail.json()) as { result: { data: { version: number } } }).result.data.version;
  let n = index;
  while (Date.now() < deadline) {
    n += 1;
    const base = bases[n % bases.length]!;
    const write = n % 5 === 0;
    const started = performance.now();
    const res = write
      ? await fetch(`${base}/trpc/reports.saveDraft`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            countyCode: county,
            period: '2021-12',
            version,
            values: { 'narrative.T11': `压力测试第 ${n} 次保存` },
          }),
        })
      : await fetch(
          `${base}/trpc/status.at?input=${encodeURIComponent(JSON.stringify({ asOf: days[n % days.length] }))}`,
          { headers },
        );
    const body = (await res.json()) as { result?: { data: { report: { version: number } } } };
    latencies.push(performance.now() - started);
    byKind[write ? 'write' : 'read'].push(performance.now() - started);
    if (!res.ok) errors += 1;
    else if (write) {
      version = body.result!.data.report.version;
      writes += 1;
    }
  }
}

const started = Date.now();
await Promise.all(counties.map((c, i) => client(c, i)));
const elapsed = (Date.now() - started) / 1000;
await Promise.all(
  servers.map((server) => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    return exited;
  }),
);
await dropCopy();
latencies.sort((a, b) => a - b);
const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
console.log(
  `${postgres ? 'PostgreSQL，2 个 API 进程轮流' : 'SQLite，1 个 API 进程'}：${CLIENTS} 个已登录客户端并发 ${SECONDS} 秒（status.at 读 4 : saveDraft 写 1，各县写各自 2021-12 月报）`,
);
console.log(`请求 ${latencies.length} 次（写 ${writes} 次），${(latencies.length / elapsed).toFixed(0)} 次/秒`);
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? 0;
console.log(
  `读 p50 ${p(byKind.read, 0.5).toFixed(1)} / p99 ${p(byKind.read, 0.99).toFixed(1)} ms；写 p50 ${p(byKind.write, 0.5).toFixed(1)} / p99 ${p(byKind.write, 0.99).toFixed(1)} ms`,
);
console.log(
  `延迟 p50 ${median(latencies).toFixed(1)} ms，p99 ${p99.toFixed(1)} ms（目标 ≤ 250 ms）；错误 ${errors} 次（目标 0）`,
);
