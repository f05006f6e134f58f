import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import pino from 'pino';
import type { Role } from '@dudao/schema/tables';
import { openDb } from '../../src/db/client';
import { freshDb, tempPath } from './fresh-db';
import { systemActor } from '../../src/services/actor';
import { setClock } from '../../src/services/clock/clock';
import { createUser } from '../../src/services/users/accounts';
import { createApp } from '../../src/server/app';
import type { AppRouter } from '../../src/trpc/root';

export const PASSWORD = 'correct-horse-2021';
export const people: { username: string; role: Role; scopeCode: string }[] = [
  { username: 'p_admin', role: 'province_admin', scopeCode: '34' },
  { username: 'p_viewer', role: 'province_viewer', scopeCode: '34' },
  { username: 'bengbu', role: 'city_officer', scopeCode: '3403' },
  { username: 'huaiyuan', role: 'county_clerk', scopeCode: '340321' },
];

/** The real app on a real port over a real SQLite file; the clock is the test's, so the campaign plays at its dates. */
export async function startServer(dbPath: string) {
  const opened = openDb(dbPath);
  for (const p of people) await createUser(opened.db, { ...p, displayName: p.username, password: PASSWORD }, systemActor, '2021-07-01T00:00:00.000Z');
  // A frozen campaign clock, so each write is stamped exactly at the instant the test set.
  const setTime = (iso: string) => setClock(opened.db, { at: iso, mode: 'frozen' }, systemActor);
  setTime('2021-08-02T02:00:00.000Z');
  const app = createApp({ db: opened.db, logger: pino({ level: 'silent' }) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db: opened.db,
    setTime,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      opened.close();
    },
  };
}

export async function login(url: string, username: string, password = PASSWORD) {
  const res = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { status: res.status, body: (await res.json()) as { error?: string; user?: unknown }, cookie, setCookie: res.headers.get('set-cookie') ?? '' };
}

/** A client as the dashboard makes one: the session cookie, and the chosen campaign when given. */
export function trpcAs(url: string, cookie: string, campaign?: string) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: { cookie, ...(campaign ? { 'x-dudao-campaign': campaign } : {}) } })] });
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
  const path = tempPath();
  (await freshDb(path)).close();
  return startServer(path);
}
