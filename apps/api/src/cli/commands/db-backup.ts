import { databasePath } from '../../db/paths';
import { backupDatabase, restoreDatabase, shownLocation } from '../../services/backup/backup';
import { parse, str, UsageError } from '../args';
import { fromUser } from '../user-path';

export async function dbBackup(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, { db: { type: 'string' } });
  const [file] = positionals;
  if (!file) throw new UsageError('用法：db:backup FILE [--db PATH]');
  const path = databasePath(str(flags, 'db'));
  const result = await backupDatabase(path, fromUser(file));
  const size =
    result.kind === 'sqlite'
      ? `${result.pages} 页`
      : `pg_dump 自定义格式，${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`已备份 ${shownLocation(path)} → ${fromUser(file)}（${size}，联机备份，服务可继续运行）`);
  return 0;
}

export async function dbRestore(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, { db: { type: 'string' } });
  const [file] = positionals;
  if (!file) throw new UsageError('用法：db:restore FILE [--db PATH]（须先停止 API）');
  const path = databasePath(str(flags, 'db'));
  const { keptAs } = await restoreDatabase(path, fromUser(file), new Date());
  console.log(`已从 ${fromUser(file)} 恢复 ${shownLocation(path)}${keptAs ? `；恢复前的数据库保留为 ${keptAs}` : ''}`);
  return 0;
}
