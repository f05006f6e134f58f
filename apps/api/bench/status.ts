import { currentCampaign } from '../src/services/campaign/store';
import { computeProvinceStatusAt, provinceStatusAt } from '../src/services/known/status-at';
import { floorReads } from './floor';
import { openDb } from '../src/db/client';
import { benchDb, median, report, timeIt } from './support';

const AS_OF = '2021-11-01';

/** A fresh connection each time, so the immutable-row caches start empty: the price of the first request. */
function coldStatus(path: string, runs: number) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const opened = openDb(path);
    const campaign = currentCampaign(opened.db);
    const t = process.hrtime.bigint();
    computeProvinceStatusAt(opened.db, { ...campaign, province: path.includes('nation') ? '' : '34' }, AS_OF);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    opened.close();
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}
const scales = process.argv.includes('--province-only') ? (['province'] as const) : (['province', 'nation'] as const);

for (const scale of scales) {
  const opened = await benchDb(scale);
  const campaign = { ...currentCampaign(opened.db), province: scale === 'nation' ? '' : '34' };
  const runs = scale === 'nation' ? 7 : 30;
  console.log(`\n${scale === 'nation' ? '全国' : '安徽省'}规模，截至 ${AS_OF}（${runs} 次）`);
  const status = timeIt(runs, () => computeProvinceStatusAt(opened.db, campaign, AS_OF));
  const cold = coldStatus(opened.path, scale === 'nation' ? 3 : 5);
  const cached = timeIt(runs, () => provinceStatusAt(opened.db, campaign, AS_OF));
  const floor = timeIt(runs, () => floorReads(opened.db, campaign, AS_OF));
  report('status（known-at-t 读取 + 指标计算）', status, scale === 'nation' ? '≤ 1500 ms' : '≤ 50 ms');
  report('floor（同样的 SQL 读取，不计算）', floor);
  report('status 冷启动（新开数据库，首次读取）', cold);
  report('status.at 缓存命中（数据未变）', cached);
  console.log(`status / floor = ${(status.median / floor.median).toFixed(2)}×（目标 ≤ 3×）`);
  opened.close();
}
