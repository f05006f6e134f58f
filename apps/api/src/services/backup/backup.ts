import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../../db/postgres';
import { DomainError } from '../errors';

const run = promisify(execFile);

/** A location for messages and logs: a PostgreSQL URL's password is never shown. */
export function shownLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/** The API writes its pid beside the database while it runs, so a restore can tell the file is in use. */
export const serverMarker = (dbPath: string) => `${dbPath}.server-pid`;

export function serverHolding(dbPath: string): number | null {
  const marker = serverMarker(dbPath);
  if (!existsSync(marker)) return null;
  const pid = Number(readFileSync(marker, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function checkDudaoFile(path: string): void {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new DomainError('bad_request', `${path} 不是可读的 SQLite 数据库`);
  }
  try {
    const ok = (sqlite.pragma('integrity_check', { simple: true }) as string) === 'ok';
    if (!ok) throw new DomainError('bad_request', `${path} 已损坏（integrity_check 未通过）`);
    const tables = sqlite
      .prepare(
        "select count(*) as n from sqlite_master where type = 'table' and name in ('users', 'org_units', 'audit_log')",
      )
      .get() as { n: number };
    if (tables.n < 3) throw new DomainError('bad_request', `${path} 不是督导台数据库`);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('bad_request', `${path} 不是可读的 SQLite 数据库`);
  } finally {
    sqlite.close();
  }
}

/**
 * SQLite's online backup: copies page by page under the database's own locks, so a server writing meanwhile
 * yields a consistent snapshot (a plain file copy of a WAL database can be torn). Written beside the target, then
 * renamed, so FILE is either the old content or a whole backup.
 */
export async function backupDatabase(dbPath: string, file: string): Promise<BackupResult> {
  if (isPostgresUrl(dbPath)) return backupPostgres(dbPath, file);
  if (!existsSync(dbPath)) throw new DomainError('not_found', `数据库 ${dbPath} 不存在`);
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  const source = new Database(dbPath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    const progress = await source.backup(tmp);
    checkDudaoFile(tmp);
    renameSync(tmp, file);
    return { kind: 'sqlite', pages: progress.totalPages };
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    source.close();
  }
}

/**
 * Puts a backup back in place of the database: refused while an API process holds the file (stop it first), the
 * backup is checked before anything changes, the current file is kept as `.before-restore-<time>`, and the swap
 * is one rename.
 */
export async function restoreDatabase(dbPath: string, file: string, at: Date): Promise<{ keptAs: string | null }> {
  if (!existsSync(file)) throw new DomainError('not_found', `备份文件 ${file} 不存在`);
  if (isPostgresUrl(dbPath)) return restorePostgres(dbPath, file, at);
  const pid = serverHolding(dbPath);
  if (pid) throw new DomainError('conflict', `督导台 API（进程 ${pid}）正在使用 ${dbPath}，请先停止服务再恢复`);
  checkDudaoFile(file);
  const staged = `${dbPath}.restoring`;
  rmSync(staged, { force: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staged);
  } finally {
    source.close();
  }
  checkDudaoFile(staged);
  let keptAs: string | null = null;
  if (existsSync(dbPath)) {
    keptAs = `${dbPath}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;
    const current = new Database(dbPath, { fileMustExist: true });
    try {
      await current.backup(keptAs);
    } finally {
      current.close();
    }
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(staged, dbPath);
  return { keptAs };
}

export type BackupResult = { kind: 'sqlite'; pages: number } | { kind: 'postgres'; bytes: number };

/** The tables every Dudao database has; a dump or file without them is not one. */
const dudaoTables = ['users', 'org_units', 'audit_log'];

/**
 * A PostgreSQL client tool (pg_dump, pg_restore): on PATH, else the newest of the server packages'
 * /usr/lib/postgresql/<version>/bin (Debian and Ubuntu install them there without linking every one).
 */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const candidate = join(root, v, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new DomainError(
    'bad_request',
    `找不到 ${name}：备份与恢复 PostgreSQL 数据库需要 PostgreSQL 客户端工具（版本不低于服务器），请安装 postgresql-client（如 apt-get install postgresql-client）或将 ${name} 所在目录加入 PATH`,
  );
}

/** A URL's password goes to the tool through PGPASSWORD, so it never shows in the process list. */
function withoutPassword(url: string): { dbname: string; password: string | undefined } {
  try {
    const u = new URL(url);
    const password = u.password ? decodeURIComponent(u.password) : undefined;
    u.password = '';
    return { dbname: u.toString(), password };
  } catch {
    return { dbname: url, password: undefined };
  }
}

/** Runs a client tool; its own message (in its words, usually English) follows ours, the URL's password never. */
async function runTool(name: 'pg_dump' | 'pg_restore', args: string[], failure: string, url?: string): Promise<string> {
  const tool = postgresTool(name);
  const target = url ? withoutPassword(url) : null;
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: process.env.PGCONNECT_TIMEOUT ?? '10' };
  if (target?.password !== undefined) env.PGPASSWORD = target.password;
  try {
    const { stdout } = await run(tool, target ? ['--dbname', target.dbname, ...args] : args, {
      maxBuffer: 64 * 1024 * 1024,
      env,
    });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message?: string };
    const detail = (err.stderr || err.message || '')
      .trim()
      .replace(/postgres(ql)?:\/\/[^\s"']*/g, (url) => shownLocation(url));
    throw new DomainError('bad_request', `${failure}（${name}：${detail.split('\n').slice(0, 5).join(' ')}）`);
  }
}

/** A pg_dump custom-format archive that holds Dudao's tables, checked by listing it (nothing is restored). */
async function checkDudaoDump(file: string): Promise<void> {
  const listing = await runTool('pg_restore', ['--list', file], `${file} 不是 pg_dump 自定义格式（-Fc）的备份文件`);
  const tables = new Set([...listing.matchAll(/ TABLE (?:DATA )?(\S+) (\S+)/g)].map((m) => m[2]));
  if (dudaoTables.some((t) => !tables.has(t))) throw new DomainError('bad_request', `${file} 不是督导台数据库的备份`);
}

/**
 * pg_dump's custom format is a consistent snapshot (one repeatable-read transaction), so the server may keep
 * writing meanwhile. Written beside the target, then renamed, as the SQLite backup is.
 */
async function backupPostgres(url: string, file: string): Promise<BackupResult> {
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  try {
    await runTool('pg_dump', ['--format=custom', '--file', tmp], `备份 ${shownLocation(url)} 失败`, url);
    await checkDudaoDump(tmp);
    renameSync(tmp, file);
    return { kind: 'postgres', bytes: statSync(file).size };
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A short-lived client on a PostgreSQL database (not the pool openDb opens), ended when `fn` settles. */
export async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new DomainError('bad_request', `无法连接 PostgreSQL 数据库 ${shownLocation(url)}：${(e as Error).message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Other sessions on the database (an API process, most likely): a restore under them would fight their locks. */
async function otherSessions(url: string): Promise<number> {
  return withPgClient(url, async (client) => {
    const r = await client.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'",
    );
    return Number(r.rows[0]?.n ?? 0);
  });
}

/**
 * Puts a pg_dump archive back into the database: refused while other sessions use it (stop the API first), the
 * archive is checked before anything changes, the current content is dumped beside the backup as
 * `.before-restore-<time>`, and pg_restore runs in one transaction, so a failure leaves the database as it was.
 */
async function restorePostgres(url: string, file: string, at: Date): Promise<{ keptAs: string | null }> {
  const others = await otherSessions(url);
  if (others > 0)
    throw new DomainError(
      'conflict',
      `PostgreSQL 数据库 ${shownLocation(url)} 还有 ${others} 个其他连接（督导台 API 等），请先停止服务再恢复`,
    );
  await checkDudaoDump(file);
  const keptAs = `${file}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;
  await backupPostgresRaw(url, keptAs);
  await runTool(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', file],
    `恢复到 ${shownLocation(url)} 失败，数据库未改动`,
    url,
  );
  return { keptAs };
}

/** The content before a restore, whatever it holds (it need not be a Dudao database yet). */
async function backupPostgresRaw(url: string, file: string): Promise<void> {
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  try {
    await runTool(
      'pg_dump',
      ['--format=custom', '--file', tmp],
      `恢复前备份当前数据库 ${shownLocation(url)} 失败，未恢复`,
      url,
    );
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
