import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `pnpm cli …` the way a user does: a real process, real files, its exit code and output; `dbPath` is the `--db`
 * location (a SQLite path or a postgres:// URL), `typedIn` the directory pnpm was called from (its INIT_CWD).
 */
export function cli(args: string[], dbPath: string, typedIn = apiDir) {
  const r = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', dbPath], {
    cwd: apiDir,
    encoding: 'utf8',
    // A province's status --json (every indicator and forecast of 119 counties) is over the default 1 MB.
    maxBuffer: 256 << 20,
    env: { ...process.env, INIT_CWD: typedIn },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
