import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { passwordProblem } from '@dudao/schema/inputs';
import { DomainError } from '../errors';
import { randomBytes } from 'node:crypto';
import { builtinCampaign, builtinCampaigns } from '@dudao/schema/campaign/builtin';
import type { OrgUnit } from '@dudao/schema/tables';
import { openDb, type Opened } from '../../db/client';
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

/** Whether a database file already holds Dudao data (any account, report or audit row) that a reset would destroy. */
export function holdsData(path: string): boolean {
  if (path === ':memory:' || !existsSync(path)) return false;
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set((sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name));
    return ['users', 'monthly_reports', 'audit_log'].some((t) => tables.has(t) && (sqlite.prepare(`select 1 from ${t} limit 1`).get() !== undefined));
  } finally {
    sqlite.close();
  }
}

function shippedCampaigns(options: ResetOptions) {
  const all = builtinCampaigns();
  if (!options.campaigns) return all;
  const unknown = options.campaigns.filter((code) => !all.some((c) => c.code === code));
  if (unknown.length > 0) throw new DomainError('bad_request', `--campaign：campaigns/ 中没有活动 ${unknown.join('、')}（可选：${all.map((c) => c.code).join('、')}）`);
  // The demo's data is anhui-2021's, so a demo database always holds that plan.
  const wanted = new Set(options.demo ? [...options.campaigns, anhui2021.code] : options.campaigns);
  return all.filter((c) => wanted.has(c.code));
}

export async function resetDatabase(path: string, options: ResetOptions): Promise<ResetResult> {
  const chosen = options.demo ? null : process.env.DUDAO_ADMIN_PASSWORD;
  if (chosen !== undefined && chosen !== null) {
    const problem = passwordProblem(chosen) ?? (chosen === demoPassword ? '不能使用公开的演示密码' : null) ?? (chosen === 'admin' ? '密码不能与用户名相同' : null);
    if (problem) throw new DomainError('bad_request', `DUDAO_ADMIN_PASSWORD 不符合密码规则：${problem}`);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const opened = openDb(path);
  const { db } = opened;
  // A demo's accounts and campaign exist from the campaign's first day; a real database's from now.
  const clock = options.demo ? normalizeInstant(options.clock ?? DEMO_CLOCK) : null;
  const at = clock ? normalizeInstant(`${anhui2021.start}T08:00:00+08:00`) : nowIso();
  // Every shipped definition is installed; the demo data is generated for anhui-2021 only.
  for (const def of shippedCampaigns(options)) installCampaign(db, def, systemActor, at);
  const counts = loadTree(db, options.scale, options.treeProgress);
  const province = listUnits(db, { level: 'province' }).find((p) => p.code === anhui2021.province) as OrgUnit;
  // A database without demo data gets one admin with a fresh random password, shown once; demo accounts share a published one.
  const adminPassword = options.demo ? demoPassword : (chosen ?? randomAdminPassword());
  const hash = await hashPassword(adminPassword);
  if (options.demo) {
    const scope = options.scale === 'nation' ? '' : anhui2021.province;
    const cities = listUnits(db, { level: 'city' }).filter((c) => c.code.startsWith(scope));
    const counties = listUnits(db, { level: 'county' }).filter((c) => c.code.startsWith(scope));
    insertUsers(db, demoAccounts(province, cities, counties).map((u) => ({ ...u, passwordHash: hash, demo: true })), systemActor, at);
    await seedDemo(db, anhui2021, scope, clock!, options.demoProgress);
    setClock(db, { at: clock! }, systemActor);
  } else {
    insertUsers(db, [{ username: 'admin', displayName: `${province.name}民政厅社会救助处`, role: 'province_admin', scopeCode: province.code, passwordHash: hash, mustChangePassword: true }], systemActor, at);
  }
  return { opened, counts, adminPassword };
}
