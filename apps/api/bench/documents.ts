import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../src/db/client';
import { generateDocument } from '../src/services/documents/generate';
import { benchContext, benchDb, engineName, report, timeIt } from './support';

const AS_OF = '2021-12-15';
const CITY = '3403';

// The December documents are read on a demo that has reached their day.
const opened = await benchDb('province', '2021-12-15T10:00:00+08:00');
const path = opened.path;
console.log(`\n安徽省规模演示数据，${engineName(opened)}，截至 ${AS_OF}`);

// As `report city` runs it: a fresh connection, so no cache of an earlier run helps.
const cold = await timeIt(7, async () => {
  const own = await openDb(path);
  try {
    await generateDocument(await benchContext(own), 'city', CITY, AS_OF);
  } finally {
    await own.close();
  }
});
report('市级总结 docx（新连接）', cold, '≤ 1500 ms');

// As a server would: one connection, its immutable-row caches warm.
const ctx = await benchContext(opened);
const warm = await timeIt(15, () => generateDocument(ctx, 'city', CITY, AS_OF));
report('市级总结 docx（同一连接）', warm, '≤ 400 ms');
await opened.close();

// As a clerk runs it: `pnpm cli report all` in a process of its own, so nothing an earlier run rendered or read is kept.
const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const all = await timeIt(3, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-bench-report-'));
  try {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', cli, 'report', 'all', '--as-of', AS_OF, '--dir', dir, '--db', path],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
report('report all（16 市 + 全省 + 通报 + 附件，新进程）', all, '≤ 8000 ms');
