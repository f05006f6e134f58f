import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Connection, Driver, Method, Result } from './engine';
import { SQLITE_MAX_PARAMETERS } from './limits';
import { migrationsFolder } from './paths';

/**
 * One better-sqlite3 connection per process. A transaction holds the gate from BEGIN IMMEDIATE to COMMIT; a
 * statement outside it waits until the gate is free, so it never reads a transaction's uncommitted rows on the shared
 * connection. Another process (a CLI import) is kept out by SQLite's own write lock and busy_timeout.
 */
export function openSqliteDriver(path: string): Driver & { sqlite: Database.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Number(process.env.DUDAO_BUSY_TIMEOUT_MS ?? 10000)}`);
  sqlite.pragma('synchronous = NORMAL');
  migrate(drizzle(sqlite), { migrationsFolder });

  // Prepared once per SQL text: drizzle's builder yields the same text for the same query shape.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      if (statements.size >= 2000) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };
  const run = (sql: string, params: unknown[], method: Method): Result => {
    const statement = prepare(sql);
    if (method === 'run' || !statement.reader) {
      const info = statement.run(...params);
      return { rows: [], changes: info.changes };
    }
    statement.raw(true);
    return method === 'get' ? { rows: statement.get(...params) } : { rows: statement.all(...params) };
  };
  const connection: Connection = { query: async (sql, params, method) => run(sql, params, method) };

  let gate: Promise<void> | null = null;
  return {
    kind: 'sqlite',
    sqlite,
    maxParameters: SQLITE_MAX_PARAMETERS,
    async autocommit(sql, params, method) {
      while (gate) await gate;
      return run(sql, params, method);
    },
    // SQLite has one writer: the opening's locks are PostgreSQL's alone (`openTransaction` passes none here).
    async transaction(fn, opening) {
      while (gate) await gate;
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      try {
        sqlite.exec('begin immediate');
        try {
          const read = opening.read === null ? [] : (run(opening.read, [], 'all').rows as unknown[][]);
          const result = await fn(connection, read);
          sqlite.exec('commit');
          return result;
        } catch (e) {
          if (sqlite.inTransaction) sqlite.exec('rollback');
          throw e;
        }
      } finally {
        gate = null;
        release();
      }
    },
    async close() {
      sqlite.close();
    },
  };
}
