import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const apiDir = fileURLToPath(new URL('../..', import.meta.url));

/** `pnpm cli …` in a child process (the database location, a SQLite path or a postgres:// URL, goes as `--db`) without blocking this one, so an in-process server keeps serving meanwhile. */
export function cliAsync(
  args: string[],
  dbPath: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', dbPath],
      { cwd: apiDir, env: { ...process.env, INIT_CWD: apiDir, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Another process that takes the database's write lock (BEGIN IMMEDIATE, one audit row) and holds it for `ms`
 * before committing: the second writer every concurrency finding was about. Resolves once the lock is held.
 * SQLite only: it is SQLite's one file-wide write lock (PostgreSQL locks rows, so it has no such lock to hold).
 */
export function holdWriteLock(dbPath: string, ms: number): Promise<{ done: Promise<void>; child: ChildProcess }> {
  if (/^postgres(ql)?:\/\//.test(dbPath))
    throw new Error("holdWriteLock holds a SQLite file's write lock; a PostgreSQL test needs its own blocker");
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("insert into audit_log (at, actor, action, entity) values (?, 'lock-holder', 'test.lock', 'test')").run(new Date().toISOString());
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec('COMMIT');
    db.close();`;
  const child = spawn('node', ['-e', script, dbPath, String(ms)], {
    cwd: apiDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ done, child }));
    child.once('error', reject);
  });
}
