import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetDatabase } from '../../src/services/seed/reset';
import { startPostgres } from './postgres';

type Provide = (key: 'treeDb' | 'pgBase' | 'pgTemplate', value: string) => void;

/**
 * Builds the tree-only database once per run; every test copies it instead of re-reading 37 MB of CSV. It holds
 * anhui-2021 only: a test of a second plan installs it, as a bureau does with `pnpm cli campaign install`.
 * With DUDAO_TEST_ENGINE=postgres the run starts one throwaway PostgreSQL server, builds the template database on it
 * and every test takes `CREATE DATABASE … TEMPLATE tree`; the server and its data directory go at teardown.
 */
export default async function setup({ provide }: { provide: Provide }) {
  if (process.env.DUDAO_TEST_ENGINE === 'postgres') {
    const server = await startPostgres();
    try {
      const url = await server.createDatabase('tree');
      const { opened } = await resetDatabase(url, { demo: false, scale: 'province', campaigns: ['anhui-2021'] });
      // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to.
      await opened.close();
    } catch (e) {
      server.stop();
      throw e;
    }
    provide('treeDb', '');
    provide('pgBase', server.base);
    provide('pgTemplate', 'tree');
    return () => server.stop();
  }
  const path = join(mkdtempSync(join(tmpdir(), 'dudao-template-')), 'tree.db');
  const { opened } = await resetDatabase(path, { demo: false, scale: 'province', campaigns: ['anhui-2021'] });
  await opened.close();
  provide('treeDb', path);
  provide('pgBase', '');
  provide('pgTemplate', '');
}
