// `tsx bench/sizes.ts [--scale province|nation]`: bytes a page view moves, full answer against the shaped ones.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { cutToUnit, provinceStatusAt } from '../src/services/known/status-at';
import { MAX_PAGE, countyOf, overviewOf } from '../src/services/status/shapes';
import { benchContext, benchDb, benchScales } from './support';

const kb = (s: string) =>
  `${(Buffer.byteLength(s) / 1024).toFixed(0)} KB（gzip ${(gzipSync(s).length / 1024).toFixed(0)} KB，br ${(brotliCompressSync(s).length / 1024).toFixed(0)} KB）`;
for (const scale of benchScales()) {
  const opened = await benchDb(scale);
  const ctx = await benchContext(opened, scale);
  const answer = await provinceStatusAt(ctx, '2021-11-01');
  const city = answer.cities[0]!.code;
  const page = { offset: 0, limit: MAX_PAGE };
  console.log(`${scale === 'nation' ? '全国' : '安徽省'}（${answer.counties.length} 县）`);
  console.log(`  status.at 全省/全国       ${kb(JSON.stringify(answer))}`);
  console.log(
    `  status.overview 省级首页  ${kb(JSON.stringify(overviewOf(answer, ctx.campaign, answer.province.code, page)))}`,
  );
  console.log(`  status.at 一个市          ${kb(JSON.stringify(cutToUnit(answer, city)))}`);
  console.log(`  status.overview 一个市    ${kb(JSON.stringify(overviewOf(answer, ctx.campaign, city, page)))}`);
  console.log(`  status.county 一个县      ${kb(JSON.stringify(countyOf(answer, answer.counties[0]!.code)))}`);
  await opened.close();
}
