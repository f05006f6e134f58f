import { currentCampaign } from '../src/services/campaign/store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCommand } from '../src/cli/commands/report';
import { openDb } from '../src/db/client';
import { citySummaryDocx } from '../src/services/documents/city-summary';
import { benchDb, median, report } from './support';

const AS_OF = '2021-12-15';
const CITY = '3403';

async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

const opened = await benchDb('province');
const path = opened.path;
console.log(`\n安徽省规模演示数据，截至 ${AS_OF}`);

// As `report city` runs it: a fresh connection, so no cache of an earlier run helps.
const cold = await timeAsync(7, async () => {
  const own = openDb(path);
  try {
    await citySummaryDocx(own.db, currentCampaign(own.db), CITY, AS_OF);
  } finally {
    own.close();
  }
});
report('市级总结 docx（新连接）', cold, '≤ 1500 ms');

// As a server would: one connection, its immutable-row caches warm.
const warm = await timeAsync(15, () => citySummaryDocx(opened.db, currentCampaign(opened.db), CITY, AS_OF));
report('市级总结 docx（同一连接）', warm, '≤ 1500 ms');
opened.close();

const all = await timeAsync(3, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-bench-report-'));
  try {
    await reportCommand(['all', '--as-of', AS_OF, '--dir', dir, '--db', path]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
report('report all（16 市 + 全省 + 通报 + 附件）', all, '≤ 20000 ms');
