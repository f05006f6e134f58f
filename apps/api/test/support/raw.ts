import { sql } from 'drizzle-orm';
import { engineOf, type Db } from '../../src/db/client';

export interface RawAnswer {
  status: number;
  message: string;
  code: string | undefined;
}

/** Calls one procedure over plain HTTP, the way any client (or attacker) can, and reads status and message. */
export async function rawCall(
  url: string,
  cookie: string,
  path: string,
  type: 'query' | 'mutation',
  input: unknown,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const res =
    type === 'query'
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie, ...headers },
        })
      : await fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', ...headers },
          body: JSON.stringify(input),
        });
  const body = (await res.json().catch(() => ({}))) as {
    error?: { message?: string; data?: { code?: string } } | string;
  };
  const error = typeof body.error === 'object' ? body.error : undefined;
  return {
    status: res.status,
    message: error?.message ?? (typeof body.error === 'string' ? body.error : ''),
    code: error?.data?.code,
  };
}

/** Row counts of every table: equal before and after means a refused request wrote nothing. */
export async function fingerprint(db: Db): Promise<Record<string, number>> {
  // Raw SQL rows come back positional ([name], [n]) on both engines; each engine lists its tables its own way.
  const tables = await db.all<[string]>(
    engineOf(db) === 'postgres'
      ? sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like '__drizzle%' order by table_name`
      : sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`,
  );
  const counts: Record<string, number> = {};
  for (const [name] of tables)
    counts[name] = Number((await db.get<[number]>(sql.raw(`select count(*) from "${name}"`)))[0]);
  return counts;
}
