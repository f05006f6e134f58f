import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as tables from '@dudao/schema/pg-tables';
import { pgMigrationsFolder } from './paths';

export type PgDb = NodePgDatabase<typeof tables>;

export interface OpenedPg {
  db: PgDb;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** `DUDAO_DB=postgres://…` names a PostgreSQL database; anything else is a SQLite file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** Opens a pool on the database and brings its schema up to date, as openDb does for a SQLite file. */
export async function openPostgres(url: string): Promise<OpenedPg> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DUDAO_PG_POOL ?? 10) });
  const db = drizzle(pool, { schema: tables });
  await migrate(db, { migrationsFolder: pgMigrationsFolder });
  return { db, pool, url, close: () => pool.end() };
}
