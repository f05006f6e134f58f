import { startPostgres, createDatabase } from '../../test/support/postgres';
import { resetDatabase } from '../../src/services/seed/reset';
const s = await startPostgres();
try {
  let t = Date.now();
  const url = await s.createDatabase('tree');
  const { opened } = await resetDatabase(url, { demo: false, scale: 'province', campaigns: ['anhui-2021'] });
  await opened.close();
  console.log('template built ms', Date.now() - t);
  t = Date.now();
  for (let i = 0; i < 5; i++) await createDatabase(s.base, `c${i}`, 'tree');
  console.log('copy ms each', (Date.now() - t) / 5);
  const { execFileSync } = await import('node:child_process');
  console.log(execFileSync('runuser', ['-u', 'postgres', '--', `${s.bin}/psql`, '-h', '127.0.0.1', '-p', String(s.port), '-U', 'postgres', '-Atc', "select pg_size_pretty(pg_database_size('tree')), (select count(*) from org_units) from pg_database limit 1", 'tree'], { encoding: 'utf8' }));
} finally { s.stop(); }
