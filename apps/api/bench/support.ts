import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDb, type Opened } from '../src/db/client';
import { repoRoot } from '../src/db/paths';
import type { Scale } from '../src/services/org/load-tree';
import { resetDatabase } from '../src/services/seed/reset';

/** Benchmarks reuse their demo databases under data/ (built once, like `db:reset`), so a rerun measures only reads. */
export async function benchDb(scale: Scale): Promise<Opened> {
  const path = resolve(repoRoot, `data/bench-${scale}.db`);
  if (existsSync(path) && !process.argv.includes('--rebuild')) return openDb(path);
  console.error(`› 生成 ${scale === 'nation' ? '全国' : '安徽省'}演示数据库 ${path}（只需一次）`);
  const started = Date.now();
  const { opened } = await resetDatabase(path, { demo: true, scale });
  console.error(`  用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return opened;
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function timeIt(runs: number, fn: () => unknown): { median: number; min: number; max: number } {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

export function report(name: string, r: { median: number; min: number; max: number }, target?: string): void {
  console.log(`${name.padEnd(34)} 中位数 ${r.median.toFixed(1).padStart(8)} ms   最快 ${r.min.toFixed(1).padStart(8)}   最慢 ${r.max.toFixed(1).padStart(8)}${target ? `   目标 ${target}` : ''}`);
}
