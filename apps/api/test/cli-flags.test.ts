import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from './support/cli';
import { freshLocation, tempPath } from './support/fresh-db';

let db: string;
let dir: string;
beforeAll(async () => {
  db = await freshLocation();
  dir = tempPath('cli-flags');
});

describe('a flag that does not apply to the command is refused with the usage line', () => {
  test('report annex --city 3403 writes nothing and names --city', () => {
    const out = join(dir, 'annex.xlsx');
    const r = cli(['report', 'annex', '--city', '3403', '--as-of', '2021-12-15', '--out', out], db);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('report annex 不接受 --city');
    expect(r.stderr).toContain('report annex [--unit CODE]');
    expect(existsSync(out)).toBe(false);
  });

  test('import values --county and import roster --submit are refused', () => {
    const values = cli(['import', 'values', 'x.csv', '--county', '340321'], db);
    expect(values.code).not.toBe(0);
    expect(values.stderr).toContain('import values 不接受 --county');
    const roster = cli(['import', 'roster', 'x.xlsx', '--county', '340321', '--submit'], db);
    expect(roster.code).not.toBe(0);
    expect(roster.stderr).toContain('import roster 不接受 --submit');
  });
});
