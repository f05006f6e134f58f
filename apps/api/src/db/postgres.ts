import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Connection, Driver, Method, Opening, Result } from './engine';
import { POSTGRES_MAX_PARAMETERS } from './limits';
import { pgMigrationsFolder } from './paths';

/** `DUDAO_DB=postgres://…` names a PostgreSQL database; anything else is a SQLite file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

const JSON_OIDS = new Set([114, 3802]);
const COUNT_OIDS = new Set([20, 1700]);

/**
 * The SQLite builder's columns decode what SQLite returns: JSON as text, counts as numbers. PostgreSQL's driver
 * would hand back parsed jsonb and bigint strings, so those two come back as SQLite would give them.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (JSON_OIDS.has(oid)) return (value: string) => value;
    if (COUNT_OIDS.has(oid)) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** `?` parameters become `$1…$n`; a `?` inside a quoted literal or name is left alone. */
const translated = new Map<string, string>();
export function toPostgresSql(sql: string): string {
  let out = translated.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quote: string | null = null;
  out = '';
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  if (translated.size >= 5000) translated.clear();
  translated.set(sql, out);
  return out;
}

function connectionOn(client: pg.Pool | pg.PoolClient): Connection {
  return {
    async query(sql: string, params: unknown[], method: Method): Promise<Result> {
      const text = toPostgresSql(sql);
      if (method === 'run') {
        const r = await client.query({ text, values: params });
        return { rows: [], changes: r.rowCount ?? 0 };
      }
      const r = await client.query({ text, values: params, rowMode: 'array' });
      return method === 'get' ? { rows: r.rows[0] } : { rows: r.rows };
    },
  };
}

/**
 * BEGIN, the opening's advisory locks and its read, as one simple query: one round trip, each statement in its own
 * snapshot (READ COMMITTED), so the read sees what committed before the locks were granted. The lock names are
 * quoted as literals: the simple protocol takes no parameters.
 *
 * Why advisory locks: PostgreSQL reads committed rows at each statement, so two transactions could both judge a
 * record's state before either writes; a transaction-scoped lock per record makes the second wait and then judge
 * what the first committed.
 */
async function openOn(client: pg.PoolClient, opening: Opening): Promise<unknown[][]> {
  const lock = (fn: string) => (key: string) => `select ${fn}(hashtext(${client.escapeLiteral(key)}))`;
  const statements = [
    'begin',
    ...opening.shared.map(lock('pg_advisory_xact_lock_shared')),
    ...opening.exclusive.map(lock('pg_advisory_xact_lock')),
    ...(opening.read === null ? [] : [opening.read]),
  ];
  const results = (await client.query({ text: statements.join(';\n'), rowMode: 'array' })) as unknown as
    pg.QueryResult | pg.QueryResult[];
  return opening.read === null ? [] : ((Array.isArray(results) ? results.at(-1)! : results).rows as unknown[][]);
}

export interface PostgresDriver extends Driver {
  pool: pg.Pool;
  url: string;
}

/** A pool on the database, its schema brought up to date as a SQLite file's is. */
export async function openPostgresDriver(url: string): Promise<PostgresDriver> {
  // A writer waits for another's row locks as long as SQLite's busy_timeout, then gets a conflict to retry.
  const lockTimeout = Number(process.env.DUDAO_BUSY_TIMEOUT_MS ?? 10000);
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DUDAO_PG_POOL ?? 10),
    types,
    options: `-c lock_timeout=${lockTimeout}`,
  });
  // An idle client's error (the server restarting) must not end the process; the next query reconnects.
  pool.on('error', () => {});
  await migrate(drizzle(pool), { migrationsFolder: pgMigrationsFolder });
  const autocommit = connectionOn(pool);
  return {
    kind: 'postgres',
    pool,
    url,
    maxParameters: POSTGRES_MAX_PARAMETERS,
    autocommit: (sql, params, method) => autocommit.query(sql, params, method),
    async transaction(fn, opening) {
      const client = await pool.connect();
      // A checked-out client whose server goes away between two statements emits 'error' with no query to reject:
      // unheard, that event ends the process. The next statement fails instead, and the request answers 503.
      const lost = () => {};
      client.on('error', lost);
      try {
        try {
          const read = await openOn(client, opening);
          const result = await fn(connectionOn(client), read);
          await client.query('commit');
          return result;
        } catch (e) {
          await client.query('rollback').catch(() => {});
          throw e;
        }
      } finally {
        client.off('error', lost);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
