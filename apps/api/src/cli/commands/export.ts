import { writeFileSync } from 'node:fs';
import { openDb } from '../../db/client';
import { databasePath } from '../../db/paths';
import { knownValueLines, valueLines, valuesCsv, valuesXlsx } from '../../services/reports/export-values';
import { isoDateSchema } from '@dudao/schema/inputs';
import { systemActor } from '../../services/actor';
import { serviceContext } from '../../services/context';
import { parse, str, UsageError } from '../args';
import { campaignFlag } from '../campaign-flag';
import { fromUser } from '../user-path';
import { resolveAsOf } from '../../services/clock/clock';

export async function exportCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, {
    out: { type: 'string' },
    unit: { type: 'string' },
    db: { type: 'string' },
    'as-of': { type: 'string' },
    campaign: { type: 'string' },
  });
  const usage =
    '用法：export values [--out FILE.csv|FILE.xlsx] [--unit CODE] [--as-of YYYY-MM-DD] [--campaign CODE]\n  --as-of 只导出该日结束前已报送的数值（不含草稿、其后报送的期间和更正）';
  if (positionals[0] !== 'values') throw new UsageError(usage);
  const asOf = str(flags, 'as-of');
  if (asOf !== undefined && !isoDateSchema.safeParse(asOf).success)
    throw new UsageError(`--as-of 须为 YYYY-MM-DD\n${usage}`);
  const opened = await openDb(databasePath(str(flags, 'db')));
  let lines: Awaited<ReturnType<typeof valueLines>>;
  try {
    const ctx = serviceContext(opened.db, await campaignFlag(opened.db, flags), systemActor);
    const unit = str(flags, 'unit') ?? ctx.campaign.province;
    // A day after the clock is refused as every read refuses it: the export would pass today's figures off as that day's.
    lines = asOf ? await knownValueLines(ctx, unit, await resolveAsOf(ctx, asOf)) : await valueLines(ctx, unit);
  } finally {
    await opened.close();
  }
  const out = str(flags, 'out');
  if (!out) {
    process.stdout.write(valuesCsv(lines));
    return 0;
  }
  const path = fromUser(out);
  writeFileSync(path, /\.xlsx$/i.test(out) ? await valuesXlsx(lines) : valuesCsv(lines));
  console.error(`已导出 ${lines.length} 行到 ${path}`);
  return 0;
}
