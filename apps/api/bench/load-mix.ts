import { Agent, request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DEMO_CLOCK } from '../src/services/seed/reset';
import { demoPassword } from '../src/services/users/demo-accounts';

// The clients of `pnpm bench:load`: county clerks reading and saving, city officers and province users loading their
// overview pages as the dashboard server does (one batched GET of the page's calls, compressed, like api.ts).

export interface LoadOptions {
  mix: 'steady' | 'deadline';
  clients: number;
  seconds: number;
  bases: string[];
  counties: string[];
  cityCodes: string[];
  provinceCode: string;
}

interface Kind {
  ms: number[];
  errors: number;
  bytes: number[];
  firstError?: string;
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)] ?? 0;

class Samples {
  kinds = new Map<string, Kind>();
  startedAt = Date.now();
  add(kind: string, ms: number, ok: boolean, bytes: number, error?: string) {
    const k = this.kinds.get(kind) ?? { ms: [], errors: 0, bytes: [] };
    this.kinds.set(kind, k);
    k.ms.push(ms);
    k.bytes.push(bytes);
    if (!ok) {
      k.errors += 1;
      k.firstError ??= error;
    }
  }
  print(elapsed: number) {
    const all = [...this.kinds.values()];
    const n = all.reduce((s, k) => s + k.ms.length, 0);
    const errors = all.reduce((s, k) => s + k.errors, 0);
    const ms = all.flatMap((k) => k.ms);
    console.log(
      `请求 ${n} 次，${(n / elapsed).toFixed(0)} 次/秒；全部 p50 ${q(ms, 0.5).toFixed(1)} / p99 ${q(ms, 0.99).toFixed(1)} ms；错误 ${errors} 次`,
    );
    for (const [name, k] of this.kinds) {
      const kb = k.bytes.reduce((s, b) => s + b, 0) / Math.max(1, k.bytes.length) / 1024;
      console.log(
        `  ${name.padEnd(28)} ${String(k.ms.length).padStart(6)} 次  p50 ${q(k.ms, 0.5).toFixed(1).padStart(7)}  p99 ${q(k.ms, 0.99).toFixed(1).padStart(7)}  最慢 ${Math.max(
          0,
          ...k.ms,
        )
          .toFixed(0)
          .padStart(
            6,
          )} ms  平均 ${kb.toFixed(1)} KB（压缩后）  错误 ${k.errors}${k.firstError ? `（${k.firstError.slice(0, 80)}）` : ''}`,
      );
    }
  }
}

async function loginAs(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`登录失败 ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * The load's HTTP client: node:http over one kept-alive connection per client, as a browser or the dashboard server
 * holds one. fetch() spent more CPU per request than the API on these two cores, so the bench measured its own client;
 * like autocannon, a 200 answer is counted without decompressing it, and only answers the clients need are read.
 */
function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  agent: Agent,
): Promise<{ status: number; body: Buffer; encoding: string | undefined; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: { ...init.headers, 'accept-encoding': 'br, gzip' }, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, body, encoding: res.headers['content-encoding'], bytes: body.length });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

function decoded(body: Buffer, encoding: string | undefined): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString();
  if (encoding === 'gzip') return gunzipSync(body).toString();
  return body.toString();
}

/**
 * One tRPC call or a batch of a page's calls, timed; a 200 is a success (tRPC answers a batch with a failed call 207 or
 * the failure's status). With `read` the body is decoded and answered; an error's body is read for its message.
 */
async function timed(
  samples: Samples,
  kind: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; agent: Agent; read?: boolean },
) {
  const started = performance.now();
  try {
    const res = await request(url, init, init.agent);
    const ok = res.status === 200;
    const text = !ok || init.read ? decoded(res.body, res.encoding) : '';
    samples.add(kind, performance.now() - started, ok, res.bytes, ok ? undefined : `${res.status} ${text}`);
    return ok && init.read ? (JSON.parse(text) as unknown) : ok ? true : null;
  } catch (e) {
    samples.add(kind, performance.now() - started, false, 0, String(e));
    return null;
  }
}

function batch(base: string, calls: [string, Record<string, unknown>][]): string {
  const input = Object.fromEntries(calls.map(([, i], n) => [n, i]));
  return `${base}/trpc/${calls.map(([p]) => p).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

// Campaign days up to the bench demo's clock: a later day is refused by every read (it has not happened yet).
const days = Array.from({ length: 180 }, (_, i) =>
  new Date(Date.UTC(2021, 6, 1 + i)).toISOString().slice(0, 10),
).filter((d) => d <= DEMO_CLOCK.slice(0, 10));
let seed = 19;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/**
 * The calls of a province or city overview page view, batched as the dashboard batches them (routes/+page.server.ts,
 * city/[code]/+page.server.ts, lib/server/urge-missing.ts); the page then asks for the forecast in a second request.
 */
function pageCalls(unit: string, asOf: string | undefined, city: boolean): [string, Record<string, unknown>][] {
  const day = asOf ? { asOf } : {};
  return [
    ['status.overview', { ...day, unit }],
    ...(city ? ([['reports.list', { ...day, unit, state: 'submitted' }]] as [string, Record<string, unknown>][]) : []),
    ['dispatch.summary', { ...day, unit }],
    ['supervision.overview', { ...day, unit }],
    ['urge.counts', { ...day, unit }],
  ];
}

export async function runLoad(o: LoadOptions) {
  const samples = new Samples();
  // Set-up (logging in, reading a report's version and last figures) is not measured: the window opens once every
  // client is logged in and ready, as on a working day where people signed in long before.
  const setUp = new Samples();
  let deadline = Infinity;
  let openWindow!: () => void;
  const windowOpen = new Promise<void>((resolve) => (openWindow = resolve));
  let waiting = 0;
  let clientCount = 0;
  const ready = async () => {
    if (++waiting === clientCount) {
      deadline = Date.now() + o.seconds * 1000;
      openWindow();
    }
    await windowOpen;
  };
  // Each client its own kept-alive connection (per API process).
  // An idle connection is let go after 4 s, before the server's 5 s keep-alive ends it under a request being sent
  // (a deadline clerk waits between saves).
  const connection = () => new Agent({ keepAlive: true, maxSockets: 1, timeout: 4000 });
  const post = (agent: Agent, cookie: string, body: unknown) => ({
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    agent,
    read: true,
  });

  async function reader(username: string, unit: string, city: boolean, index: number) {
    const cookie = await loginAs(o.bases[index % o.bases.length]!, username);
    const agent = connection();
    await ready();
    const kind = city ? '市级总览页（5 个调用一批）' : '省级总览页（4 个调用一批）';
    const forecastKind = city ? '市级总览页（预测）' : '省级总览页（预测）';
    // At least one page view each, even when logging in took the whole window on a busy machine.
    for (let n = index; n === index || Date.now() < deadline; n++) {
      // On a deadline day everyone looks at today, as the dashboard asks: the clock's day.
      const asOf = o.mix === 'steady' ? days[n % days.length] : DEMO_CLOCK.slice(0, 10);
      const base = o.bases[n % o.bases.length]!;
      await timed(samples, kind, batch(base, pageCalls(unit, asOf, city)), { headers: { cookie }, agent });
      const forecast = encodeURIComponent(JSON.stringify({ ...(asOf ? { asOf } : {}), unit }));
      await timed(samples, forecastKind, `${base}/trpc/status.gateForecasts?input=${forecast}`, {
        headers: { cookie },
        agent,
      });
    }
  }

  async function versionOf(agent: Agent, base: string, cookie: string, county: string, into = samples) {
    const input = encodeURIComponent(JSON.stringify({ countyCode: county, period: '2021-12' }));
    const body = (await timed(into, '县级读（reports.get）', `${base}/trpc/reports.get?input=${input}`, {
      headers: { cookie },
      agent,
      read: true,
    })) as { result: { data: { version: number } } } | null;
    return body?.result.data.version ?? 0;
  }

  async function steadyClerk(county: string, index: number, writes: boolean) {
    const cookie = await loginAs(o.bases[index % o.bases.length]!, `county${county}`);
    const agent = connection();
    let version = await versionOf(agent, o.bases[0]!, cookie, county, setUp);
    await ready();
    for (let n = index; Date.now() < deadline; n++) {
      const base = o.bases[n % o.bases.length]!;
      if (writes && n % 5 === 0) {
        const values = { 'narrative.T11': `压力测试第 ${n} 次保存` };
        const body = (await timed(
          samples,
          '县级写（saveDraft）',
          `${base}/trpc/reports.saveDraft`,
          post(agent, cookie, { countyCode: county, period: '2021-12', version, values }),
        )) as { result: { data: { report: { version: number } } } } | null;
        version = body ? body.result.data.report.version : await versionOf(agent, base, cookie, county);
      } else {
        const input = encodeURIComponent(JSON.stringify({ asOf: days[n % days.length] }));
        await timed(samples, '县级读（status.at）', `${base}/trpc/status.at?input=${input}`, {
          headers: { cookie },
          agent,
        });
      }
    }
  }

  /**
   * The figures a clerk starts December from: the county's reports since September, the newer over the older, sent or
   * not (the rules compare a cumulative figure with the latest report, whatever its state; a figure left blank later
   * keeps its earlier value).
   */
  async function lastSentValues(agent: Agent, base: string, cookie: string, county: string) {
    const values: Record<string, string | null> = {};
    for (const period of ['2021-09', '2021-10', '2021-11']) {
      const input = encodeURIComponent(JSON.stringify({ countyCode: county, period }));
      const body = (await timed(setUp, '县级读（reports.get）', `${base}/trpc/reports.get?input=${input}`, {
        headers: { cookie },
        agent,
        read: true,
      })) as { result: { data: { state: string; exists: boolean; values: Record<string, string | null> } } } | null;
      const report = body?.result.data;
      if (!report?.exists) continue;
      for (const [field, value] of Object.entries(report.values))
        if (value !== null && value !== '') values[field] = value;
    }
    return values;
  }

  async function deadlineClerk(county: string, index: number) {
    const base = o.bases[index % o.bases.length]!;
    const cookie = await loginAs(base, `county${county}`);
    const agent = connection();
    let version = await versionOf(agent, base, cookie, county, setUp);
    // The first draft carries the whole form, so the submission that follows passes its checks.
    const figures = await lastSentValues(agent, base, cookie, county);
    await ready();
    // Three saves and a submission at random moments of the window, in order.
    const moments = [random(), random(), random(), random()].map((r) => r * o.seconds * 1000).sort((a, b) => a - b);
    const start = Date.now();
    for (const [step, at] of moments.entries()) {
      await new Promise((r) => setTimeout(r, Math.max(0, start + at - Date.now())));
      const submit = step === 3;
      const input = submit
        ? { countyCode: county, period: '2021-12', version }
        : {
            countyCode: county,
            period: '2021-12',
            version,
            values: { ...(step === 0 ? figures : {}), 'narrative.T11': `截止日第 ${step + 1} 稿` },
          };
      const body = (await timed(
        samples,
        submit ? '县级报送（submit）' : '县级存草稿（saveDraft）',
        `${base}/trpc/reports.${submit ? 'submit' : 'saveDraft'}`,
        post(agent, cookie, input),
      )) as { result: { data: { report?: { version: number }; version?: number } } } | null;
      version =
        body?.result.data.report?.version ??
        body?.result.data.version ??
        (await versionOf(agent, base, cookie, county));
    }
  }

  const clients: Promise<void>[] = [];
  if (o.mix === 'deadline') {
    o.counties.forEach((c, i) => clients.push(deadlineClerk(c, i)));
    o.cityCodes.forEach((c, i) => clients.push(reader(`city${c}`, c, true, i)));
    clients.push(reader('admin', o.provinceCode, false, 0), reader('viewer', o.provinceCode, false, 1));
  } else {
    // One client in ten reads the province overview, one in ten a city's; the rest are county clerks.
    let clerk = 0;
    for (let i = 0; i < o.clients; i++) {
      if (i % 10 === 1) clients.push(reader(i % 20 === 1 ? 'admin' : 'viewer', o.provinceCode, false, i));
      else if (i % 10 === 2) {
        const city = o.cityCodes[i % o.cityCodes.length]!;
        clients.push(reader(`city${city}`, city, true, i));
      } else {
        // One writing clerk per county: with more clients than counties, the others only read (two clerks saving one
        // report would meet each other's version conflicts, which are answers, not faults).
        const writes = clerk < o.counties.length;
        clients.push(steadyClerk(o.counties[clerk++ % o.counties.length]!, i, writes));
      }
    }
  }
  clientCount = clients.length;
  await Promise.all(clients);
  const elapsed = (Date.now() - (deadline - o.seconds * 1000)) / 1000;
  return { print: () => samples.print(elapsed) };
}
