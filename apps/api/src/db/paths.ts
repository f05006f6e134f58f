import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromUser } from '../cli/user-path';

const here = dirname(fileURLToPath(import.meta.url));

export const repoRoot = (() => {
  let dir = here;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('找不到仓库根目录（pnpm-workspace.yaml）');
    dir = up;
  }
  return dir;
})();

export const migrationsFolder = join(repoRoot, 'packages/schema/migrations');
export const pgMigrationsFolder = join(repoRoot, 'packages/schema/migrations-pg');

/** A postgres:// URL is kept as it is. A path the user typed is taken from where they typed it (pnpm runs scripts elsewhere); the default lives in the repo root. */
export function databasePath(explicit?: string): string {
  const given = explicit ?? process.env.DUDAO_DB;
  if (given === ':memory:' || (given && /^postgres(ql)?:\/\//.test(given))) return given;
  if (given) return fromUser(given);
  return resolve(repoRoot, 'data/dudao.db');
}
