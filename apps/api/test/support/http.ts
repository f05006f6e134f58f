import type { AddressInfo } from 'node:net';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import pino from 'pino';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import type { Role } from '@dudao/schema/tables';
import { openDb } from '../../src/db/client';
import { freshLocation } from './fresh-db';
import { systemActor } from '../../src/services/actor';
import { serviceContext } from '../../src/services/context';
import { setClock } from '../../src/services/clock/clock';
import { createUser } from '../../src/services/users/accounts';
import { startReadWorkers } from '../../src/server/read-workers';
import { serveApi } from '../../src/server/serve';
import type { AppRouter } from '../../src/trpc/root';

export const PASSWORD = 'correct-horse-2021';
export const people: { username: string; role: Role; scopeCode: string }[] = [
  { username: 'p_admin', role: 'province_admin', scopeCode: '34' },
  { username: 'p_viewer', role: 'province_viewer', scopeCode: '34' },
  { username: 'bengbu', role: 'city_officer', scopeCode: '3403' },
  { username: 'huaiyuan', role: 'county_clerk', scopeCode: '340321' },
];

/**
 * The real app on a real port over a real database (a SQLite file or a postgres:// URL, whichever the test engine
 * is); the clock is the test's, so the campaign plays at its dates.
 */
export async function startServer(location: string, options: { readWorkers?: number } = {}) {
  const opened = await openDb(location);
  const ctx = serviceContext(opened.db, builtinCampaign('anhui-2021'), systemActor);
  for (const p of people)
    await createUser(ctx, { ...p, displayName: p.username, password: PASSWORD }, '2021-07-01T00:00:00.000Z');
  // A frozen campaign clock, so each write is stamped exactly at the instant the test set (await it before the write).
  const setTime = (iso: string) => setClock(ctx, { at: iso, mode: 'frozen' });
  await setTime('2021-08-02T02:00:00.000Z');
  const logger = pino({ level: 'silent' });
  // Read workers as main.ts starts them, when asked: each opens the database itself, so they start after the set-up.
  const workers = options.readWorkers
    ? startReadWorkers(location, options.readWorkers, logger, { warmAnswers: true })
    : null;
  for (let waited = 0; workers && !workers.warm; waited += 50) {
    if (waited > 60_000) throw new Error('读工作线程 60 秒内未完成预热');
    await new Promise((r) => setTimeout(r, 50));
  }
  const server = serveApi({ db: opened.db, logger }, undefined, workers);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db: opened.db,
    kind: opened.kind,
    setTime,
    workers,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await workers?.close();
      await opened.close();
    },
  };
}

export async function login(url: string, username: string, password = PASSWORD) {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  return {
    status: res.status,
    body: (await res.json()) as { error?: string; user?: unknown },
    cookie,
    setCookie: res.headers.get('set-cookie') ?? '',
  };
}

/** A client as the dashboard makes one: the session cookie, and the chosen campaign when given. */
export function trpcAs(url: string, cookie: string, campaign?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({ url: `${url}/trpc`, headers: { cookie, ...(campaign ? { 'x-dudao-campaign': campaign } : {}) } }),
    ],
  });
}

export async function sessionOf(url: string, username: string, campaign?: string) {
  const { cookie } = await login(url, username);
  return { cookie, trpc: trpcAs(url, cookie, campaign) };
}

export function errorCode(e: unknown): string | undefined {
  return e instanceof TRPCClientError ? (e.data as { code?: string } | undefined)?.code : undefined;
}

/** A server over its own copy of the tree-only database. */
export async function freshServer() {
  return startServer(await freshLocation());
}
