import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { orgUnits, users } from '@dudao/schema/tables';
import { openDb, type Opened } from '../src/db/client';
import { isPostgresUrl } from '../src/db/postgres';
import { repoRoot } from '../src/db/paths';
import { currentCampaign } from '../src/services/campaign/store';
import { serviceContext, type ServiceContext } from '../src/services/context';
import type { Scale } from '../src/services/org/load-tree';
import { resetDatabase } from '../src/services/seed/reset';

/** `--db LOCATION` (or `--db=LOCATION`): a PostgreSQL database (postgres://…) to bench instead of the SQLite files under data/. */
export function benchDbFlag(): string | null {
  const argv = process.argv;
  const i = argv.indexOf('--db');
  if (i >= 0) {
    const value = argv[i + 1];
    if (!value || value.startsWith('--')) throw new Error('--db 需要一个数据库位置（postgres://… 或 SQLite 文件路径）');
    return value;
  }
  return argv.find((a) => a.startsWith('--db='))?.slice('--db='.length) ?? null;
}

/** `--scale province|nation`: one scale only (both when left out; `--province-only` is the old spelling). */
export function benchScales(): Scale[] {
  const i = process.argv.indexOf('--scale');
  const given =
    i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length);
  if (given === 'province' || given === 'nation') return [given];
  if (given !== undefined) throw new Error(`--scale 只能是 province 或 nation（实际为 ${given}）`);
  return process.argv.includes('--province-only') ? ['province'] : ['province', 'nation'];
}

/** A PostgreSQL database that already holds the demo at `scale` (its provinces and demo accounts), so a rerun may reuse it. */
async function holdsDemoAt(url: string, scale: Scale): Promise<boolean> {
  const opened = await openDb(url);
  try {
    const provinces =
      (await opened.db.select({ n: count() }).from(orgUnits).where(eq(orgUnits.level, 'province')).get())?.n ?? 0;
    const demo = (await opened.db.select({ n: count() }).from(users).where(eq(users.demo, true)).get())?.n ?? 0;
    return demo > 0 && (scale === 'nation' ? provinces > 1 : provinces === 1);
  } finally {
    await opened.close();
  }
}

/**
 * Benchmarks reuse their demo databases (built once, like `db:reset`), so a rerun measures only reads: the SQLite
 * files data/bench-<scale>.db, or with `--db postgres://…` that one database, reset with the demo at the scale
 * needed unless it holds it already (`--rebuild` always resets).
 */
/**
 * The bench's demo database. `clock` builds one whose demo runs up to that instant (a document is never dated after
 * the clock): on SQLite its own file; a PostgreSQL database given by --db must have been built to it (--rebuild).
 */
export async function benchDb(scale: Scale, clock?: string): Promise<Opened> {
  const given = benchDbFlag();
  const location = given ?? resolve(repoRoot, `data/bench-${scale}${clock ? `-${clock.slice(0, 10)}` : ''}.db`);
  const rebuild = process.argv.includes('--rebuild');
  if (!rebuild && (isPostgresUrl(location) ? await holdsDemoAt(location, scale) : existsSync(location)))
    return openDb(location);
  console.error(
    `› 生成 ${scale === 'nation' ? '全国' : '安徽省'}演示数据库 ${isPostgresUrl(location) ? 'PostgreSQL' : location}（只需一次）`,
  );
  const started = Date.now();
  const { opened } = await resetDatabase(location, { demo: true, scale, ...(clock ? { clock } : {}) });
  console.error(`  用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return opened;
}

/** The service context a bench reads in: the demo's campaign, as the system; `province: ''` reads the whole nation. */
export async function benchContext(opened: Opened, scale: Scale = 'province'): Promise<ServiceContext> {
  const campaign = await currentCampaign({ db: opened.db });
  return serviceContext(opened.db, scale === 'nation' ? { ...campaign, province: '' } : campaign);
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` once to warm up, then `runs` times, one after another. */
export async function timeIt(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ median: number; min: number; max: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

export function report(name: string, r: { median: number; min: number; max: number }, target?: string): void {
  console.log(
    `${name.padEnd(34)} 中位数 ${r.median.toFixed(1).padStart(8)} ms   最快 ${r.min.toFixed(1).padStart(8)}   最慢 ${r.max.toFixed(1).padStart(8)}${target ? `   目标 ${target}` : ''}`,
  );
}

/** Which engine a run measured, for the heading. */
export const engineName = (opened: Opened) => (opened.kind === 'postgres' ? 'PostgreSQL' : 'SQLite');
