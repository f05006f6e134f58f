import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fromUser } from '../src/cli/user-path';
import { databasePath } from '../src/db/paths';
import { cli } from './support/cli';
import { freshLocation, tempPath } from './support/fresh-db';

describe('fromUser: a path is taken from the directory the command was typed in', () => {
  const typedIn = { INIT_CWD: '/home/clerk/报表' };

  test('a relative path lands under INIT_CWD, `..` included', () => {
    expect(fromUser('七月.csv', typedIn)).toBe('/home/clerk/报表/七月.csv');
    expect(fromUser('../备份/dudao.db', typedIn)).toBe('/home/clerk/备份/dudao.db');
    expect(fromUser('./out/通报.docx', typedIn)).toBe('/home/clerk/报表/out/通报.docx');
  });

  test('an absolute path stays as it is', () => {
    expect(fromUser('/srv/dudao/data.db', typedIn)).toBe('/srv/dudao/data.db');
  });

  test('run without pnpm (no INIT_CWD) the process directory is the one typed in', () => {
    expect(fromUser('x.csv', {})).toBe(join(process.cwd(), 'x.csv'));
    expect(fromUser('x.csv', { INIT_CWD: '' })).toBe(join(process.cwd(), 'x.csv'));
  });
});

describe('databasePath: --db and DUDAO_DB go through the same helper', () => {
  const saved = process.env.INIT_CWD;
  afterEach(() => {
    if (saved === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = saved;
  });

  test('a relative database path is the user’s; a postgres URL and :memory: are kept', () => {
    process.env.INIT_CWD = '/home/clerk';
    expect(databasePath('data/dudao.db')).toBe('/home/clerk/data/dudao.db');
    expect(databasePath('postgres://u@127.0.0.1/dudao')).toBe('postgres://u@127.0.0.1/dudao');
    expect(databasePath(':memory:')).toBe(':memory:');
  });
});

/** The CLI runs in apps/api, as under pnpm; the user typed the command in a directory of their own. */
describe('the CLI reads and writes where the user typed the command', () => {
  let db: string;
  let home: string;
  beforeAll(async () => {
    db = await freshLocation();
    home = tempPath('home');
    mkdirSync(home);
  });

  test('campaign schema --out writes into that directory, not into apps/api', () => {
    const r = cli(['campaign', 'schema', '--out', 'schema.json'], db, home);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'schema.json'), 'utf8'))).toHaveProperty('type', 'object');
    expect(existsSync(fileURLToPath(new URL('../schema.json', import.meta.url)))).toBe(false);
  });

  test('export values --out names the file it wrote under that directory', () => {
    const r = cli(['export', 'values', '--out', '指标.csv'], db, home);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`到 ${join(home, '指标.csv')}`);
    // The tree-only database holds no values: the header alone.
    expect(readFileSync(join(home, '指标.csv'), 'utf8')).toBe('unit_code,period,indicator,value,comment\n');
  });

  test('import looks for its file there and names that path when it is missing', () => {
    const r = cli(['import', 'values', 'missing.csv'], db, home);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`找不到文件 ${join(home, 'missing.csv')}`);
  });
});
