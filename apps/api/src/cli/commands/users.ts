import type { Db } from '../../db/client';
import { databasePath } from '../../db/paths';
import { openDb } from '../../db/client';
import { listUsers } from '../../services/users/accounts';
import { demoPassword } from '../../services/users/demo-accounts';
import { parse, str } from '../args';

const roleName = {
  province_admin: '省级管理员',
  province_viewer: '省级只读',
  city_officer: '市级审核',
  county_clerk: '县级填报',
} as const;

export async function printAccounts(db: Db, all = false): Promise<void> {
  const list = await listUsers({ db });
  const shown = all
    ? list
    : list.filter(
        (u) =>
          u.role.startsWith('province') ||
          u.username === list.find((x) => x.role === 'city_officer')?.username ||
          u.username === list.find((x) => x.role === 'county_clerk')?.username,
      );
  console.log(`演示账号（密码均为 ${demoPassword}）：`);
  for (const u of shown) console.log(`  ${u.username.padEnd(16)} ${roleName[u.role].padEnd(6, '　')} ${u.scopeName}`);
  if (!all)
    console.log(`  …… 每个市 city<市代码>、每个县 county<县代码>，共 ${list.length} 个；pnpm cli users 列出全部`);
}

export async function usersCommand(argv: string[]): Promise<number> {
  const { flags } = parse(argv, { db: { type: 'string' }, brief: { type: 'boolean' } });
  const opened = await openDb(databasePath(str(flags, 'db')));
  try {
    await printAccounts(opened.db, !flags.brief);
  } finally {
    await opened.close();
  }
  return 0;
}
