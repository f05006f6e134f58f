import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL server on a loopback port, in a data directory removed on stop: the real engine, no mock. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:PORT`: a database's URL is this base, a slash and its name. */
  base: string;
  port: number;
  /** The server's binaries (pg_dump, pg_restore, psql). */
  bin: string;
  /** A fresh database on the server (empty, or a copy of `template`); resolves to its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): void;
  /** Kills the server as a crash would (`pg_ctl stop -m immediate`), keeping its data directory. */
  halt(): void;
  /** Starts the halted server again on the same port and data. */
  resume(): void;
}

/** The newest PostgreSQL Debian installed (/usr/lib/postgresql/N/bin). */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error("PostgreSQL is not installed: the test command installs Debian's postgresql package");
  return join(root, versions[0]!, 'bin');
}

/** A port nobody listens on now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// The server refuses to run as root, so as root every server command runs as the postgres system user.
function asServerUser(command: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot run inside a pool's transaction). */
export async function onServer(base: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${base}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A new database on the server at `base`. With a template, a byte copy of it (the template must have no open
 * connection, so whoever built it closed its pool); FILE_COPY copies the files instead of writing them all to the WAL.
 */
export async function createDatabase(base: string, name: string, template?: string): Promise<string> {
  await onServer(
    base,
    `CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)} STRATEGY FILE_COPY` : ''}`,
  );
  return `${base}/${name}`;
}

/** Drops a database, ending any connection a test left open on it. */
export async function dropDatabase(base: string, name: string): Promise<void> {
  await onServer(base, `DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
}

/**
 * Starts a server in a fresh data directory. `--locale=C --encoding=UTF8`: text sorts by bytes, as SQLite compares
 * it, so an ORDER BY on a name or code gives the same order on both engines.
 */
export async function startPostgres(settings: { durableCommits?: boolean } = {}): Promise<TestPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'dudao-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  // Throwaway data: no fsync. Enough connections for two test workers, each with a few pools and API processes.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    // A commit acknowledged must survive a killed server when the test says so (the data stays in the OS's cache).
    ...(settings.durableCommits ? [] : ['-c synchronous_commit=off']),
    '-c full_page_writes=off',
    '-c max_connections=400',
  ];
  const start = () =>
    asServerUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      options.join(' '),
      'start',
    ]);
  start();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  return {
    base,
    port,
    bin,
    createDatabase: (name, template) => createDatabase(base, name, template),
    stop() {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // Halted already.
      }
      rmSync(dir, { recursive: true, force: true });
    },
    halt: () => void asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']),
    resume: () => void start(),
  };
}
