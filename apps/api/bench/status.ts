import { currentCampaign } from '../src/services/campaign/store';
import { provinceStatusAt } from '../src/services/known/status-at';
import { floorReads } from './floor';
import { benchDb, report, timeIt } from './support';

const AS_OF = '2021-11-01';
const scales = process.argv.includes('--province-only') ? (['province'] as const) : (['province', 'nation'] as const);

for (const scale of scales) {
  const opened = await benchDb(scale);
  const campaign = { ...currentCampaign(opened.db), province: scale === 'nation' ? '' : '34' };
  const runs = scale === 'nation' ? 7 : 30;
  console.log(`\n${scale === 'nation' ? '全国' : '安徽省'}规模，截至 ${AS_OF}（${runs} 次）`);
  const status = timeIt(runs, () => provinceStatusAt(opened.db, campaign, AS_OF));
  const floor = timeIt(runs, () => floorReads(opened.db, campaign, AS_OF));
  report('status（known-at-t 读取 + 指标计算）', status, scale === 'nation' ? '≤ 1500 ms' : '≤ 50 ms');
  report('floor（同样的 SQL 读取，不计算）', floor);
  console.log(`status / floor = ${(status.median / floor.median).toFixed(2)}×（目标 ≤ 3×）`);
  opened.close();
}
