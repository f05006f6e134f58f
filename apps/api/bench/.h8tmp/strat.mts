import { startPostgres, onServer } from '../../test/support/postgres';
import { openDb } from '../../src/db/client';
import { sql } from 'drizzle-orm';
const s = await startPostgres();
try {
  const o = await openDb(await s.createDatabase('tree'));
  await o.db.run(sql`insert into org_units (code, name, level, parent_code) select 'x' || g, '某某村民委员会' || g, 'village', null from generate_series(1, 30000) g`);
  await o.close();
  for (const strat of ['FILE_COPY', 'WAL_LOG', 'FILE_COPY', 'WAL_LOG']) {
    const t = Date.now();
    for (let i = 0; i < 5; i++) await onServer(s.base, `create database "c_${strat}_${i}_${t}" template tree strategy ${strat}`);
    console.log(strat, (Date.now() - t) / 5, 'ms each');
  }
} finally { s.stop(); }
