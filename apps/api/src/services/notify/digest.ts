import { chineseDate, countText, periodText, scoreText, type StatusResult } from '@dudao/metrics';
import type { Ctx } from '../context';
import { enqueueNotice } from './enqueue';
import { linkPath, publicUrl } from './kinds';
import { usersByScope } from './recipients';

/** The lines of one city's digest: counts as of `today`, and what changed since `yesterday`. */
export function digestLines(
  city: string,
  today: StatusResult,
  yesterday: StatusResult | null,
  reportName: string,
): string[] {
  const c = today.cities.find((x) => x.code === city);
  if (!c) return [];
  const counties = today.counties.filter((x) => x.cityCode === city);
  const before = new Map((yesterday?.counties ?? []).map((x) => [x.code, x]));
  const lines = [
    `- 督导评估得分 ${scoreText(c.score)}，县区 ${countText(counties.length, '个')}，其中进展滞后 ${countText(c.laggingCount, '个')}`,
  ];
  if (c.timeliness.period)
    lines.push(
      `- ${periodText(c.timeliness.period)}${reportName}报送：按时 ${countText(c.timeliness.onTime, '个')}、逾期 ${countText(c.timeliness.late, '个')}、未报 ${countText(c.timeliness.missing, '个')}`,
    );
  const newly = counties.filter((x) => x.lagging && before.get(x.code)?.lagging === false).map((x) => x.name);
  const cleared = counties.filter((x) => !x.lagging && before.get(x.code)?.lagging === true).map((x) => x.name);
  if (newly.length) lines.push(`- 新增滞后：${newly.join('、')}`);
  if (cleared.length) lines.push(`- 不再滞后：${cleared.join('、')}`);
  if (yesterday && !newly.length && !cleared.length) lines.push('- 滞后名单与前一日相同');
  return lines;
}

/** The 08:30 digest for every city with officers, to the channels they chose for it. */
export async function enqueueDigests(
  ctx: Ctx<'campaign'>,
  day: string,
  today: StatusResult,
  yesterday: StatusResult | null,
  at: string,
): Promise<number> {
  const officers = await usersByScope(ctx, 'city_officer');
  let written = 0;
  for (const city of today.cities) {
    const ids = officers.get(city.code);
    if (!ids?.length) continue;
    const lines = digestLines(city.code, today, yesterday, ctx.campaign.reportName);
    written += await enqueueNotice(
      ctx,
      ids,
      {
        kind: 'digest.daily',
        title: `${city.name}每日简报（${chineseDate(day)}）`,
        body: lines.join('\n'),
        unitCode: city.code,
        key: `digest:${ctx.campaign.code}:${city.code}:${day}`,
        link: publicUrl(linkPath('digest', city.code)),
      },
      at,
    );
  }
  return written;
}
