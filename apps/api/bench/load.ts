import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import { decideReport } from '../src/services/reports/workflow';
import { findReport } from '../src/services/reports/store';
import { listUnits } from '../src/services/org/units';
import { openDb } from '../src/db/client';
import { isPostgresUrl } from '../src/db/postgres';
import { benchContext, benchDb } from './support';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
};
// `--mix deadline` plays the 5th of a month (see deadline.ts); the default mix is the steady one of issue 19.
const MIX = flag('mix') ?? 'steady';
if (MIX !== 'steady' && MIX !== 'deadline') throw new Error(`--mix 只能是 steady 或 deadline（实际为 ${MIX}）`);
const CLIENTS = Number(flag('clients') ?? 50);
const SECONDS = Number(flag('seconds') ?? (MIX === 'deadline' ? 30 : 20));
// A free port unless one is given: other benches may run on the same machine.
const PORT = Number(flag('port') ?? (await freePort()));
if (flag('engine') === 'postgres' && !process.argv.some((a) => a.startsWith('--db')))
  throw new Error('--engine postgres 需要同时给出 --db postgres://…（该库所在服务器的角色需有 CREATEDB 权限）');

/**
 * The load runs on a copy of the demo database: a copied file on SQLite; on PostgreSQL (`--db postgres://…`) a
 * `CREATE DATABASE … TEMPLATE` copy beside it on the same server, dropped afterwards (the role needs CREATEDB).
 */
const source = await benchDb('province');
await source.close();
const postgres = isPostgresUrl(source.path);
let location: string;
let dropCopy: () => Promise<void>;
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
  const folder = mkdtempSync(join(tmpdir(), 'dudao-load-'));
  location = join(folder, 'load.db');
  copyFileSync(source.path, location);
  // The copy (some 25 MB, and its WAL) goes with the run: each run left one behind in the temp folder.
  dropCopy = async () => rmSync(folder, { recursive: true, force: true });
}

// The clerks' counties get their December report reopened so their clerks can save drafts (all of them on a deadline).
const opened = await openDb(location);
const ctx = await benchContext(opened);
const allCounties = (await listUnits(ctx, { level: 'county' })).map((c) => c.code);
const cityCodes = (await listUnits(ctx, { level: 'city' })).map((c) => c.code);
const provinceCode = ctx.campaign.province;
const counties = MIX === 'deadline' ? allCounties : allCounties.slice(0, CLIENTS);
for (const county of counties) {
  const report = await findReport(ctx, county, '2021-12');
  if (report && !['draft', 'returned'].includes(report.state)) {
    await decideReport(
      ctx,
      { countyCode: county, period: '2021-12', version: report.version, reason: '压力测试：重新打开' },
      'reopen',
      new Date().toISOString(),
    );
  }
}
await opened.close();

// SQLite: one API process (its one writer). PostgreSQL: two processes on the one database, the clients alternating
// between them request by request, so a write through one is read back through the other.
const PROCESSES = Number(flag('processes') ?? (postgres ? 2 : 1));
const ports = Array.from({ length: PROCESSES }, (_, i) => PORT + i);
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
// Measure the servers as they serve once warmed, as after a night's running: /healthz says when the status cache is
// warm (ready) and when the overview answers of the settled days are too.
const startedAt = Date.now();
const waitFor = async (what: 'warm' | 'answers') => {
  for (const base of bases) {
    for (let i = 0; i < 1500; i++) {
      try {
        const health = (await (await fetch(`${base}/healthz`)).json()) as Record<string, boolean | undefined>;
        // A server that does not report a stage (an older build) is taken as past it.
        if (health[what] ?? true) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return ((Date.now() - startedAt) / 1000).toFixed(1);
};
const ready = await waitFor('warm');
const answered = await waitFor('answers');
console.log(
  `API ${bases.length > 1 ? `${bases.length} 个进程` : ''}就绪（状态缓存预热）用时 ${ready} 秒，往日总览答案预热完毕 ${answered} 秒`,
);

const { runLoad } = await import('./load-mix');
const result = await runLoad({
  mix: MIX,
  clients: CLIENTS,
  seconds: SECONDS,
  bases,
  counties,
  cityCodes,
  provinceCode,
});
await Promise.all(
  servers.map((server) => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    return exited;
  }),
);
await dropCopy();
console.log(
  `${postgres ? 'PostgreSQL' : 'SQLite'}，${bases.length} 个 API 进程${bases.length > 1 ? '轮流' : ''}；${
    MIX === 'deadline'
      ? `截止日（每月 5 日）：${counties.length} 个县各存 3 次草稿并报送 1 次，压缩在 ${SECONDS} 秒内；${cityCodes.length} 个市、2 个省级用户读总览`
      : `${CLIENTS} 个已登录客户端并发 ${SECONDS} 秒（县级：status.at 读 4 : saveDraft 写 1；每十个客户端中省级、市级读总览各一个）`
  }`,
);
result.print();
