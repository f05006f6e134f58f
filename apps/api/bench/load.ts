import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentCampaign } from '../src/services/campaign/store';
import { decideReport } from '../src/services/reports/workflow';
import { findReport } from '../src/services/reports/store';
import { listUnits } from '../src/services/org/units';
import { systemActor } from '../src/services/actor';
import { demoPassword } from '../src/services/users/demo-accounts';
import { openDb } from '../src/db/client';
import { benchDb, median } from './support';

const CLIENTS = 50;
const SECONDS = 20;
const PORT = 18787;
const base = `http://127.0.0.1:${PORT}`;

// The load runs on a copy: fifty counties get their December report reopened so their clerks can save drafts.
const source = await benchDb('province');
source.close();
const path = join(mkdtempSync(join(tmpdir(), 'dudao-load-')), 'load.db');
copyFileSync(source.path, path);
const opened = openDb(path);
const campaign = currentCampaign(opened.db);
const counties = listUnits(opened.db, { level: 'county' }).slice(0, CLIENTS).map((c) => c.code);
for (const county of counties) {
  const report = findReport(opened.db, campaign, county, '2021-12');
  if (report && !['draft', 'returned'].includes(report.state)) {
    decideReport(opened.db, campaign, systemActor, new Date().toISOString(), { countyCode: county, period: '2021-12', version: report.version, reason: '压力测试：重新打开' }, 'reopen');
  }
}
opened.close();

const server = spawn('node', [...(process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/sprof'] : []), '--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, DUDAO_DB: path, PORT: String(PORT) }, stdio: ['ignore', 'ignore', 'inherit'] });
// Measure the server as it serves once ready: /healthz says when its status cache has warmed.
const startedAt = Date.now();
for (let i = 0; i < 300; i++) {
  try {
    const health = (await (await fetch(`${base}/healthz`)).json()) as { warm: boolean };
    if (health.warm) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`API 就绪（含状态缓存预热）用时 ${((Date.now() - startedAt) / 1000).toFixed(1)} 秒`);

async function loginAs(username: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
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
  const cookie = await loginAs(`county${county}`);
  const headers = { cookie, 'content-type': 'application/json' };
  const detail = await fetch(`${base}/trpc/reports.get?input=${encodeURIComponent(JSON.stringify({ countyCode: county, period: '2021-12' }))}`, { headers });
  let version = ((await detail.json()) as { result: { data: { version: number } } }).result.data.version;
  let n = index;
  while (Date.now() < deadline) {
    n += 1;
    const write = n % 5 === 0;
    const started = performance.now();
    const res = write
      ? await fetch(`${base}/trpc/reports.saveDraft`, { method: 'POST', headers, body: JSON.stringify({ countyCode: county, period: '2021-12', version, values: { 'narrative.T11': `压力测试第 ${n} 次保存` } }) })
      : await fetch(`${base}/trpc/status.at?input=${encodeURIComponent(JSON.stringify({ asOf: days[n % days.length] }))}`, { headers });
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
server.kill('SIGTERM');
latencies.sort((a, b) => a - b);
const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
console.log(`${CLIENTS} 个已登录客户端并发 ${SECONDS} 秒（status.at 读 4 : saveDraft 写 1，各县写各自 2021-12 月报）`);
console.log(`请求 ${latencies.length} 次（写 ${writes} 次），${(latencies.length / elapsed).toFixed(0)} 次/秒`);
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? 0;
console.log(`读 p50 ${p(byKind.read, 0.5).toFixed(1)} / p99 ${p(byKind.read, 0.99).toFixed(1)} ms；写 p50 ${p(byKind.write, 0.5).toFixed(1)} / p99 ${p(byKind.write, 0.99).toFixed(1)} ms`);
console.log(`延迟 p50 ${median(latencies).toFixed(1)} ms，p99 ${p99.toFixed(1)} ms（目标 ≤ 250 ms）；错误 ${errors} 次（目标 0）`);
