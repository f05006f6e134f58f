import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDb } from '../../src/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    treeDb: string;
  }
}

export function tempPath(name = 'dudao.db'): string {
  return join(mkdtempSync(join(tmpdir(), 'dudao-test-')), name);
}

/** A real SQLite file with the real Anhui tree, the campaign and one admin, no demo data. */
export async function freshDb(path = tempPath()) {
  copyFileSync(inject('treeDb'), path);
  return openDb(path);
}
