import { databasePath } from '../../db/paths';
import { readClock } from '../../services/clock/clock';
import { shownLocation } from '../../services/backup/backup';
import { holdsData, resetDatabase } from '../../services/seed/reset';
import { parse, str, UsageError } from '../args';
import { progressBar } from '../progress';
import { printAccounts } from './users';

/** `--campaign anhui-2021,anhui-2022`: the shipped plans to install; all of campaigns/ without it. */
function campaignCodes(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(/[,，]/)
        .map((c) => c.trim())
        .filter(Boolean);
}

export async function dbReset(argv: string[]): Promise<number> {
  const { flags } = parse(argv, {
    'no-demo': { type: 'boolean' },
    scale: { type: 'string' },
    clock: { type: 'string' },
    db: { type: 'string' },
    force: { type: 'boolean' },
    campaign: { type: 'string' },
  });
  const scale = str(flags, 'scale') ?? 'province';
  if (scale !== 'province' && scale !== 'nation') throw new UsageError('--scale 只能是 province 或 nation');
  const path = databasePath(str(flags, 'db'));
  const demo = !flags['no-demo'];
  if ((await holdsData(path)) && !flags.force) {
    throw new UsageError(
      `${shownLocation(path)} 已有数据（账号、月报或审计记录），db:reset 会全部删除。请先 pnpm cli db:backup 备份，确需重建时加 --force`,
    );
  }
  const started = Date.now();
  const result = await resetDatabase(path, {
    demo,
    scale,
    clock: str(flags, 'clock'),
    campaigns: campaignCodes(str(flags, 'campaign')),
    treeProgress: progressBar('载入行政区划'),
    demoProgress: progressBar('生成演示数据'),
  });
  const c = result.counts;
  console.log(`数据库：${shownLocation(path)}`);
  console.log(
    `行政区划：${c.provinces} 个省级、${c.cities} 个市、${c.counties} 个县级单位、${c.townships} 个乡镇（街道）、${c.villages} 个村（社区）`,
  );
  if (demo) {
    await printAccounts(result.opened.db);
    console.log(
      `模拟时钟：${(await readClock(result.opened)).now}（pnpm cli clock 查看，clock set 拨动，clock real 恢复真实时间）`,
    );
  } else console.log(`管理员账号：admin  初始密码：${result.adminPassword}（仅显示一次，请登录后修改）`);
  console.log(`用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  await result.opened.close();
  return 0;
}
