import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { passwordProblem } from '@dudao/schema/inputs';
import { DomainError } from '../errors';
import { randomBytes } from 'node:crypto';
import { builtinCampaign, builtinCampaigns } from '@dudao/schema/campaign/builtin';
import type { OrgUnit } from '@dudao/schema/tables';
import { openDb, type Opened } from '../../db/client';
import { isPostgresUrl } from '../../db/postgres';
import { withPgClient } from '../backup/backup';
import { serviceContext } from '../context';
import { normalizeInstant, nowIso, systemActor } from '../actor';
import { setClock } from '../clock/clock';
import { installCampaign } from '../campaign/store';
import { loadTree, type LoadProgress, type Scale, type TreeCounts } from '../org/load-tree';
import { listUnits } from '../org/units';
import { insertUsers } from '../users/accounts';
import { demoAccounts, demoPassword } from '../users/demo-accounts';
import { hashPassword } from '../users/password';
import { seedDemo } from './seed-demo';

const anhui2021 = builtinCampaign('anhui-2021');

/** The campaign clock a demo database is built with: mid-November, with supervision under way. */
export const DEMO_CLOCK = '2021-11-20T10:00:00+08:00';

export interface ResetOptions {
  demo: boolean;
  /** The demo's simulated clock (default DEMO_CLOCK); nothing is seeded after it. */
  clock?: string;
  scale: Scale;
  /** The shipped definitions to install, by code; every file of campaigns/ when left out. */
  campaigns?: string[];
  treeProgress?: LoadProgress;
  demoProgress?: LoadProgress;
}

export interface ResetResult {
  opened: Opened;
  counts: TreeCounts;
  adminPassword: string;
}

/** A random initial password that meets the policy (12 base64url characters rarely miss three classes; retry if so). */
function randomAdminPassword(): string {
  for (;;) {
    const candidate = `${randomBytes(9).toString('base64url')}-7`;
    if (!passwordProblem(candidate)) return candidate;
  }
}

/** The tables whose rows a reset would destroy: any account, report or audit row. */
const dataTables = ['users', 'monthly_reports', 'audit_log'];

/** Whether a database (a SQLite file or a postgres:// URL) already holds Dudao data that a reset would destroy. */
export async function holdsData(path: string): Promise<boolean> {
  if (isPostgresUrl(path)) {
    return withPgClient(path, async (client) => {
      for (const table of dataTables) {
        const found = await client.query('select to_regclass($1) is not null as present', [`public.${table}`]);
        if (!found.rows[0]?.present) continue;
        const row = await client.query(`select 1 from public."${table}" limit 1`);
        if (row.rowCount) return true;
      }
      return false;
    });
  }
  if (path === ':memory:' || !existsSync(path)) return false;
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(
      (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    return dataTables.some((t) => tables.has(t) && sqlite.prepare(`select 1 from ${t} limit 1`).get() !== undefined);
  } finally {
    sqlite.close();
  }
}

export function shippedCampaigns(options: Pick<ResetOptions, 'demo' | 'campaigns'>) {
  const all = builtinCampaigns();
  // Without --campaign: the real plans, and the made-up ones (demo: true) only beside the demo data.
  if (!options.campaigns) return all.filter((c) => options.demo || !c.demo);
  const unknown = options.campaigns.filter((code) => !all.some((c) => c.code === code));
  if (unknown.length > 0)
    throw new DomainError(
      'bad_request',
      `--campaign：campaigns/ 中没有活动 ${unknown.join('、')}（可选：${all.map((c) => c.code).join('、')}）`,
    );
  // The demo's data is anhui-2021's, so a demo database always holds that plan.
  const wanted = new Set(options.demo ? [...options.campaigns, anhui2021.code] : options.campaigns);
  return all.filter((c) => wanted.has(c.code));
}

/**
 * Everything Dudao stored goes: a SQLite file with its -wal/-shm, a PostgreSQL database's public schema (dropped
 * and re-created) with the migrator's bookkeeping schema, so openDb migrates the empty database from the start.
 */
async function emptyDatabase(path: string): Promise<void> {
  if (isPostgresUrl(path)) {
    await withPgClient(path, async (client) => {
      await client.query('drop schema if exists drizzle cascade');
      await client.query('drop schema if exists public cascade');
      await client.query('create schema public');
    });
    return;
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

export async function resetDatabase(path: string, options: ResetOptions): Promise<ResetResult> {
  const chosen = options.demo ? null : process.env.DUDAO_ADMIN_PASSWORD;
  if (chosen !== undefined && chosen !== null) {
    const problem =
      passwordProblem(chosen) ??
      (chosen === demoPassword ? '不能使用公开的演示密码' : null) ??
      (chosen === 'admin' ? '密码不能与用户名相同' : null);
    if (problem) throw new DomainError('bad_request', `DUDAO_ADMIN_PASSWORD 不符合密码规则：${problem}`);
  }
  // An unknown --campaign is refused before anything is emptied.
  const shipped = shippedCampaigns(options);
  await emptyDatabase(path);
  const opened = await openDb(path);
  try {
    // The reset writes as the command line, in the demo's campaign.
    const ctx = serviceContext(opened.db, anhui2021, systemActor);
    // A demo's accounts and campaign exist from the campaign's first day; a real database's from now.
    const clock = options.demo ? normalizeInstant(options.clock ?? DEMO_CLOCK) : null;
    const at = clock ? normalizeInstant(`${anhui2021.start}T08:00:00+08:00`) : nowIso();
    // Every shipped definition is installed; the demo data is generated for anhui-2021 only.
    for (const def of shipped) await installCampaign(ctx, def, at);
    const counts = await loadTree(ctx, options.scale, options.treeProgress);
    const province = (await listUnits(ctx, { level: 'province' })).find(
      (p) => p.code === anhui2021.province,
    ) as OrgUnit;
    // A database without demo data gets one admin with a fresh random password, shown once; demo accounts share a published one.
    const adminPassword = options.demo ? demoPassword : (chosen ?? randomAdminPassword());
    const hash = await hashPassword(adminPassword);
    if (options.demo) {
      const scope = options.scale === 'nation' ? '' : anhui2021.province;
      const cities = (await listUnits(ctx, { level: 'city' })).filter((c) => c.code.startsWith(scope));
      const counties = (await listUnits(ctx, { level: 'county' })).filter((c) => c.code.startsWith(scope));
      await insertUsers(
        ctx,
        demoAccounts(province, cities, counties).map((u) => ({ ...u, passwordHash: hash, demo: true })),
        at,
      );
      // A national demo (the benchmark's) plays anhui-2021's plan in every province's counties.
      await seedDemo(
        scope === '' ? { ...ctx, campaign: { ...anhui2021, province: '' } } : ctx,
        scope,
        clock!,
        options.demoProgress,
      );
      await setClock(ctx, { at: clock! });
    } else {
      await insertUsers(
        ctx,
        [
          {
            username: 'admin',
            displayName: `${province.name}民政厅社会救助处`,
            role: 'province_admin',
            scopeCode: province.code,
            passwordHash: hash,
            mustChangePassword: true,
          },
        ],
        at,
      );
    }
    return { opened, counts, adminPassword };
  } catch (e) {
    // A reset that fails half-way leaves no open handle behind (a PostgreSQL pool would keep the process alive).
    await opened.close();
    throw e;
  }
}
