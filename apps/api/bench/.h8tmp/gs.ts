import { startPostgres } from '../../test/support/postgres';
export default async function setup({ provide }: { provide: (k: string, v: string) => void }) {
  const s = await startPostgres();
  provide('pgBase', s.base);
  provide('pgTemplate', '');
  provide('treeDb', '');
  return () => s.stop();
}
