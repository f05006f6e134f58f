import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';

export interface RawAnswer {
  status: number;
  message: string;
  code: string | undefined;
}

/** Calls one procedure over plain HTTP, the way any client (or attacker) can, and reads status and message. */
export async function rawCall(url: string, cookie: string, path: string, type: 'query' | 'mutation', input: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const res =
    type === 'query'
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie, ...headers } })
      : await fetch(`${url}/trpc/${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; data?: { code?: string } } | string };
  const error = typeof body.error === 'object' ? body.error : undefined;
  return { status: res.status, message: error?.message ?? (typeof body.error === 'string' ? body.error : ''), code: error?.data?.code };
}

/** Row counts of every table: equal before and after means a refused request wrote nothing. */
export function fingerprint(db: Db): Record<string, number> {
  const tables = db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`);
  return Object.fromEntries(tables.map((t) => [t.name, db.get<{ n: number }>(sql.raw(`select count(*) as n from "${t.name}"`))!.n]));
}
