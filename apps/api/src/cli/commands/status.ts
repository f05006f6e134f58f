import { rankText, scoreText } from '@dudao/metrics';
import { isoDateSchema } from '@dudao/schema/inputs';
import { openDb } from '../../db/client';
import { databasePath } from '../../db/paths';
import { campaignOn } from '../../services/campaign/registry';
import { resolveAsOf } from '../../services/clock/clock';
import { cutToUnit, provinceStatusAt } from '../../services/known/status-at';
import { statusJson } from '../../services/known/status-json';
import { forecastsAt } from '../../services/forecast/forecast-at';
import { getUnit } from '../../services/org/units';
import { systemActor } from '../../services/actor';
import { serviceContext } from '../../services/context';
import { parse, str, UsageError } from '../args';
import { campaignFlag } from '../campaign-flag';

const score = (s: number | null) => (s == null ? '—' : scoreText(s));

export async function statusCommand(argv: string[]): Promise<number> {
  const { flags } = parse(argv, {
    'as-of': { type: 'string' },
    unit: { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
    campaign: { type: 'string' },
  });
  const given = str(flags, 'as-of');
  const parsed = isoDateSchema.safeParse(given);
  if (given !== undefined && !parsed.success) throw new UsageError('--as-of 格式应为 YYYY-MM-DD');
  const opened = await openDb(databasePath(str(flags, 'db')));
  try {
    const asOf = { data: await resolveAsOf(opened, given) };
    // Each day is judged by the definition version in force on it.
    const campaign = await campaignOn(opened, (await campaignFlag(opened.db, flags)).code, asOf.data);
    const ctx = serviceContext(opened.db, campaign, systemActor);
    const unit = str(flags, 'unit') ?? campaign.province;
    const found = await getUnit(ctx, unit);
    if (!found) throw new UsageError(`单位 ${unit} 不存在`);
    const result = cutToUnit(await provinceStatusAt(ctx, asOf.data), unit);
    if (flags.json) {
      console.log(JSON.stringify(statusJson(result, await forecastsAt(ctx, asOf.data))));
      return 0;
    }
    const cityName = new Map(result.cities.map((c) => [c.code, c.name]));
    console.log(
      `${found.name} 截至 ${asOf.data}：${result.province ? `综合得分 ${score(result.province.score)}，` : ''}进展缓慢县区 ${result.counties.filter((c) => c.lagging).length} 个`,
    );
    console.log(['全省排名', '市内排名', '县（市、区）', '所属市', '综合得分', '进展缓慢', '原因'].join('\t'));
    for (const c of [...result.counties].sort(
      (a, b) => a.rankInProvince - b.rankInProvince || (a.code < b.code ? -1 : 1),
    )) {
      const flag = c.lagging ? '是' : c.watch ? '关注' : '';
      console.log(
        [
          rankText(c.provinceRank.rank, c.provinceRank.tied),
          rankText(c.cityRank.rank, c.cityRank.tied),
          c.name,
          cityName.get(c.cityCode) ?? c.cityCode,
          score(c.score),
          flag,
          c.reasons.map((r) => r.text).join('；'),
        ].join('\t'),
      );
    }
    return 0;
  } finally {
    await opened.close();
  }
}
