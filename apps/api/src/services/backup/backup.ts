import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from '../errors';

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
    const tables = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table' and name in ('users', 'org_units', 'audit_log')").get() as { n: number };
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
export async function backupDatabase(dbPath: string, file: string): Promise<{ pages: number }> {
  if (!existsSync(dbPath)) throw new DomainError('not_found', `数据库 ${dbPath} 不存在`);
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  const source = new Database(dbPath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    const progress = await source.backup(tmp);
    checkDudaoFile(tmp);
    renameSync(tmp, file);
    return { pages: progress.totalPages };
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
