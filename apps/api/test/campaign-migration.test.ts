import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { describe, expect, test } from 'vitest';
import { openDb } from '../src/db/client';
import { migrationsFolder } from '../src/db/paths';
import { currentRoster } from '../src/services/roster/current';
import { sqliteOnly, tempPath } from './support/fresh-db';

/** The migrations as they stood before records carried their campaign (everything up to this branch's migration). */
function migrationsBefore(): string {
  const dir = tempPath('migrations');
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const mine = journal.entries.findIndex((e) => e.tag.endsWith('i13-records'));
  expect(mine).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, mine) }));
  return dir;
}

// SQLite only: it upgrades a SQLite file written by the old SQLite migrations; PostgreSQL's schema began after them.
describe.skipIf(!sqliteOnly)('the migration that files every record under a campaign', () => {
  test('rows written before it belong to anhui-2021, and reads by campaign find them there only', async () => {
    const path = tempPath();
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore() });
    old.exec(`
      insert into org_units (code, name, level, parent_code) values ('34', '安徽省', 'province', null), ('3403', '蚌埠市', 'city', '34'), ('340321', '怀远县', 'county', '3403');
      insert into roster_uploads (county_code, uploaded_at, actor, row_count) values ('340321', '2021-08-03T02:00:00.000Z', '县民政局', 0);
      insert into case_uploads (county_code, uploaded_at, actor, row_count) values ('340321', '2021-08-03T02:00:00.000Z', '县民政局', 0);
      insert into supervision_visits (county_code, visited_on, by_level, visitors, findings, recorded_at) values ('340321', '2021-11-05', 'city', '市民政局', '进展缓慢', '2021-11-05T08:00:00.000Z');
      insert into urges (kind, unit_code, at, actor) values ('roster', '340321', '2021-08-04T02:00:00.000Z', '市民政局');
      insert into document_settings (unit_code, signer, saved_at) values ('3403', '张三', '2021-12-01T02:00:00.000Z');
    `);
    expect(
      old.prepare("select count(*) as n from pragma_table_info('roster_uploads') where name = 'campaign_code'").get(),
    ).toEqual({ n: 0 });
    old.close();

    const opened = await openDb(path);
    const sqlite = new Database(path, { readonly: true });
    for (const table of ['roster_uploads', 'case_uploads', 'supervision_visits', 'urges', 'document_settings']) {
      expect(sqlite.prepare(`select campaign_code from ${table}`).all()).toEqual([{ campaign_code: 'anhui-2021' }]);
    }
    const anhui = builtinCampaign('anhui-2021');
    expect((await currentRoster({ db: opened.db, campaign: anhui }, '340321'))?.upload.uploadedAt).toBe(
      '2021-08-03T02:00:00.000Z',
    );
    expect(await currentRoster({ db: opened.db, campaign: { ...anhui, code: 'another-plan' } }, '340321')).toBeNull();
    sqlite.close();
    await opened.close();
  });
});
