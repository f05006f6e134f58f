import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The source files whose words reach a user: the API's services and routes, the dashboard's pages. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|svelte)$/.test(f) && !/\.test\.ts$/.test(f))
    .map((f) => join(dir, f));
}

describe('no message names a field by its code', () => {
  test('no 手机号（phone）-style code in brackets anywhere in the API or the dashboard', () => {
    const found: string[] = [];
    for (const file of [...sources('apps/api/src'), ...sources('apps/dashboard/src')]) {
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/（[A-Za-z]+）/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
