import { spawn, type ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { outbox } from '@dudao/schema/tables';
import { openDb, type Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { setClock } from '../src/services/clock/clock';
import { serviceContext } from '../src/services/context';
import { saveChannel } from '../src/services/notify/config';
import { sendUrge } from '../src/services/urge/send';
import { createUser } from '../src/services/users/accounts';
import { apiDir } from './support/async-cli';
import { freshLocation } from './support/fresh-db';
import { TEST_SECRET_KEY } from './support/notify';
import { freePort } from './support/postgres';
import { robotServer } from './support/receivers';

// Kill -9 the API with 200 messages pending, then restart it as two processes on the same database: every message
// reaches the group robot, none is delivered twice. The receiver holds the 50th request unanswered, so the kill
// lands with one message in flight, 49 delivered and 150 waiting.

process.env.DUDAO_SECRET_KEY = TEST_SECRET_KEY;
const TOTAL = 200;
let location: string;
let opened: Opened;
let robots: Awaited<ReturnType<typeof robotServer>>;
const children: ChildProcess[] = [];
let logs = '';

async function startApi(): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      DUDAO_DB: location,
      PORT: String(port),
      HOST: '127.0.0.1',
      DUDAO_PG_POOL: '4',
      DUDAO_NOTIFY_POLL_MS: '100',
      DUDAO_NOTIFY_LEASE_MS: '3000',
      DUDAO_NOTIFY_BATCH: '10',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (logs += d.toString()));
  child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
  children.push(child);
  return child;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 400_000) {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`等待超时：${what}\n${logs.slice(-3000)}`);
}

const ids = () => robots.received.filter((r) => r.path === 'wecom').map((r) => String(r.headers['x-dudao-message-id']));

beforeAll(async () => {
  robots = await robotServer({ dingSecret: 'x', wecomKey: 'K', smsKey: 'x' });
  location = await freshLocation();
  opened = await openDb(location);
  const campaign = builtinCampaign('anhui-2021');
  const admin = serviceContext(opened.db, campaign, systemActor);
  await setClock(admin, { at: '2021-08-09T02:00:00.000Z', mode: 'frozen' });
  await createUser(
    admin,
    {
      username: 'huaiyuan',
      displayName: '怀远',
      role: 'county_clerk',
      scopeCode: '340321',
      password: 'correct-horse-2021',
    },
    '2021-07-01T00:00:00.000Z',
  );
  const o = await createUser(
    admin,
    {
      username: 'bengbu',
      displayName: '蚌埠市民政局',
      role: 'city_officer',
      scopeCode: '3403',
      password: 'correct-horse-2021',
    },
    '2021-07-01T00:00:00.000Z',
  );
  await saveChannel(admin, { unit: '340321', kind: 'wecom', secrets: { webhook: `${robots.base}/wecom?key=K` } });
  const officer = serviceContext(opened.db, campaign, {
    id: o.id,
    label: o.displayName,
    role: 'city_officer',
    scopeCode: '3403',
  });
  for (let i = 0; i < TOTAL; i++) await sendUrge(officer, { kind: 'roster', unit: '340321' });
}, 300_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await opened?.close();
  await robots?.close();
});

describe('the outbox survives kill -9', () => {
  test('200 pending, killed mid-send, restarted as two processes: every message arrives, none twice', async () => {
    expect((await opened.db.select().from(outbox).where(eq(outbox.state, 'pending')).all()).length).toBe(TOTAL);
    robots.script('wecom', (n) => (n === 50 ? 'hang' : 200));
    const first = await startApi();
    await until('50 requests reached the robot', () => ids().length >= 50);
    const inFlight = ids()[49]!;
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect(ids()).toHaveLength(50);
    await startApi();
    await startApi();
    await until(
      'every message sent',
      async () => (await opened.db.select().from(outbox).where(eq(outbox.state, 'sent')).all()).length === TOTAL,
    );
    const all = ids();
    const byId = new Map<string, number>();
    for (const id of all) byId.set(id, (byId.get(id) ?? 0) + 1);
    const expected = (await opened.db.select({ id: outbox.id }).from(outbox).all()).map((r) => String(r.id)).sort();
    expect([...byId.keys()].sort()).toEqual(expected);
    // Only the message the kill caught in flight may come again, under the same message id for the receiver to
    // drop; every other message was delivered exactly once, across the kill and two processes.
    const twice = [...byId].filter(([, n]) => n > 1).map(([id]) => id);
    expect(twice.filter((id) => id !== inFlight)).toEqual([]);
    expect(all.length).toBeLessThanOrEqual(TOTAL + 1);
    // What the receiver took: each of the 200 messages exactly once. The request in flight at the kill was never
    // answered, so the receiver never took it; it was taken once when sent again after the restart.
    const accepted = robots.received.filter((r) => r.path === 'wecom' && r.accepted);
    const acceptedIds = accepted.map((r) => String(r.headers['x-dudao-message-id'])).sort();
    expect(acceptedIds).toEqual(expected);
    expect(new Set(acceptedIds).size).toBe(TOTAL);
  }, 900_000);
});
