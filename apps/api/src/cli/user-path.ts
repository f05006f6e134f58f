import { resolve } from 'node:path';

/**
 * A path the user typed, taken from the directory they typed it in: `pnpm cli …` runs in apps/api, and pnpm keeps
 * the directory the command was given in as INIT_CWD. An absolute path stays as it is.
 */
export function fromUser(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD || process.cwd(), path);
}
