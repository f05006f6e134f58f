import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetDatabase } from '../../src/services/seed/reset';

/**
 * Builds the tree-only database once per run; every test copies it instead of re-reading 37 MB of CSV. It holds
 * anhui-2021 only: a test of a second plan installs it, as a bureau does with `pnpm cli campaign install`.
 */
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const path = join(mkdtempSync(join(tmpdir(), 'dudao-template-')), 'tree.db');
  const { opened } = await resetDatabase(path, { demo: false, scale: 'province', campaigns: ['anhui-2021'] });
  opened.close();
  provide('treeDb', path);
}
