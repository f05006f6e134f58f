import { startPostgres, createDatabase, dropDatabase } from '../../test/support/postgres';
import { openDb } from '../../src/db/client';
import { sql } from 'drizzle-orm';
const s = await startPostgres();
console.log(s.base);
try {
  const url = await s.createDatabase('tree');
  const o = await openDb(url);
  console.log(await o.db.all(sql`select count(*) from org_units`), await o.db.all(sql`select 'a' < 'B', 'é' > 'z'`));
  await o.close();
  let t = Date.now();
  const u2 = await createDatabase(s.base, 'copy1', 'tree');
  console.log('copy ms', Date.now() - t);
  const o2 = await openDb(u2);
  const p = Promise.all([createDatabase(s.base, 'copy2', 'tree'), createDatabase(s.base, 'copy3', 'tree')]);
  console.log(await p);
  await dropDatabase(s.base, 'copy1');
  console.log('dropped with open pool');
  await o2.close().catch((e) => console.log('close err', e.message));
} finally { s.stop(); }
