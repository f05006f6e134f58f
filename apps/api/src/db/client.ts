import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as tables from '@dudao/schema/tables';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrationsFolder } from './paths';

export type Db = BetterSQLite3Database<typeof tables>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Opened {
  db: Db;
  close(): void;
  path: string;
}

export function openDb(path: string): Opened {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema: tables });
  migrate(db, { migrationsFolder });
  return { db, path, close: () => sqlite.close() };
}
