import { writeFileSync } from 'node:fs';
import { openDb } from '../../db/client';
import { databasePath } from '../../db/paths';
import { currentCampaign } from '../../services/campaign/store';
import { valueLines, valuesCsv, valuesXlsx } from '../../services/reports/export-values';
import { parse, str, UsageError } from '../args';

export async function exportCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, { out: { type: 'string' }, unit: { type: 'string' }, db: { type: 'string' } });
  if (positionals[0] !== 'values') throw new UsageError('用法：export values [--out FILE.csv|FILE.xlsx] [--unit CODE]');
  const opened = openDb(databasePath(str(flags, 'db')));
  const { db } = opened;
  const campaign = currentCampaign(db);
  const lines = valueLines(db, campaign, str(flags, 'unit') ?? campaign.province);
  opened.close();
  const out = str(flags, 'out');
  if (!out) {
    process.stdout.write(valuesCsv(lines));
    return 0;
  }
  const path = out.startsWith('/') ? out : `${process.env.INIT_CWD ?? process.cwd()}/${out}`;
  writeFileSync(path, /\.xlsx$/i.test(out) ? await valuesXlsx(lines) : valuesCsv(lines));
  console.error(`已导出 ${lines.length} 行到 ${path}`);
  return 0;
}
