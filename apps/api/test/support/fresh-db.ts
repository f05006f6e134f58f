import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDb, type Opened } from '../../src/db/client';
import { createDatabase, dropDatabase } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: the template tree database file ('' on PostgreSQL). */
    treeDb: string;
    /** PostgreSQL: the run's server, `postgres://postgres@127.0.0.1:PORT` ('' on SQLite). */
    pgBase: string;
    /** PostgreSQL: the name of the template tree database on that server ('' on SQLite). */
    pgTemplate: string;
  }
}

/** The engine this run tests (`DUDAO_TEST_ENGINE=postgres` runs the same suite on PostgreSQL). */
export const testEngine: 'sqlite' | 'postgres' = process.env.DUDAO_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
/** For `describe.skipIf(!sqliteOnly)`: a test about the SQLite file itself (corruption, sqlite_master, WAL). */
export const sqliteOnly = testEngine === 'sqlite';
/** For `describe.skipIf(!postgresOnly)`: a test about the PostgreSQL server itself (processes, pg_dump). */
export const postgresOnly = testEngine === 'postgres';

// The folders this test file made for its files; the setup file removes them after the file's last test (893 were
// left behind, 2.6 GB, before it did).
const folders: string[] = [];

export function tempPath(name = 'dudao.db'): string {
  const folder = mkdtempSync(join(tmpdir(), 'dudao-test-'));
  folders.push(folder);
  return join(folder, name);
}

/** Removes every folder `tempPath` made for this file (its databases, their WAL, files written beside them). */
export function removeTempFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

// The databases this test file made on the server; the setup file drops them after the file's last test.
const created: string[] = [];

async function newDatabase(template?: string): Promise<string> {
  const name = `t_${process.pid}_${created.length}_${randomBytes(4).toString('hex')}`;
  created.push(name);
  return createDatabase(inject('pgBase'), name, template);
}

/** Drops every database this file created (ending connections a test left open), so a long run does not fill the disk. */
export async function dropCreatedDatabases(): Promise<void> {
  if (testEngine !== 'postgres') return;
  for (const name of created.splice(0)) await dropDatabase(inject('pgBase'), name);
}

/** A database location holding nothing: a new SQLite path, or a newly created empty PostgreSQL database's URL. */
export async function emptyLocation(): Promise<string> {
  return testEngine === 'postgres' ? newDatabase() : tempPath();
}

/**
 * A copy of the template tree database (the real Anhui tree, anhui-2021, one admin, no demo data): a copied file on
 * SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 */
export async function freshLocation(): Promise<string> {
  if (testEngine === 'postgres') return newDatabase(inject('pgTemplate'));
  const path = tempPath();
  copyFileSync(inject('treeDb'), path);
  return path;
}

/** Opens `location`, by default a fresh copy of the tree database. */
export async function freshDb(location?: string): Promise<Opened> {
  return openDb(location ?? (await freshLocation()));
}
