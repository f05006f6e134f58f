import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openDb } from '../../db/client';
import { databasePath } from '../../db/paths';
import { normalizeInstant, systemActor } from '../../services/actor';
import { serviceContext } from '../../services/context';
import { clockNow, notAfterClock } from '../../services/clock/clock';
import { importCases } from '../../services/cases/import-cases';
import { readTable } from '../../services/files/table-reader';
import { importValues } from '../../services/reports/import-values';
import { importRoster } from '../../services/roster/import-roster';
import { onlyFlags, parse, str, UsageError } from '../args';
import { campaignForImport } from '../campaign-flag';
import { fromUser } from '../user-path';

export async function importCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, {
    at: { type: 'string' },
    submit: { type: 'boolean' },
    county: { type: 'string' },
    db: { type: 'string' },
    campaign: { type: 'string' },
  });
  const [what, file] = positionals;
  if (!what || !file || !['values', 'roster', 'cases'].includes(what))
    throw new UsageError(
      '用法：import values|roster|cases FILE [--county CODE] [--at ISO时间] [--submit] [--campaign CODE]',
    );
  const importUsage =
    '用法：import values FILE [--at ISO时间] [--submit] [--campaign CODE]\n      import roster|cases FILE --county CODE [--at ISO时间] [--campaign CODE]';
  onlyFlags(
    flags,
    ['at', 'db', 'campaign', ...(what === 'values' ? ['submit'] : ['county'])],
    `import ${what}`,
    importUsage,
  );
  const county = str(flags, 'county');
  if (what !== 'values' && !county) throw new UsageError(`import ${what} 须指定 --county 县级单位代码`);
  const path = fromUser(file);
  const table = await readTable(readFileSync(path), basename(path));
  const opened = await openDb(databasePath(str(flags, 'db')));
  try {
    const { db } = opened;
    // Without --at the service stamps the write by the campaign clock inside its transaction; a back-filled --at may
    // never lie after it.
    const given = str(flags, 'at') ? await notAfterClock(opened, normalizeInstant(str(flags, 'at')!)) : undefined;
    // The campaign in force when the write is stamped.
    const when = given ?? (await clockNow(opened)).toISOString();
    const periods =
      what === 'values' ? [...new Set(table.rows.map((r) => (r.cells.period ?? '').trim()).filter(Boolean))] : [];
    const campaign = await campaignForImport(db, flags, when, periods);
    const ctx = serviceContext(db, campaign, systemActor);
    if (what === 'values') {
      const r = await importValues(ctx, table, { submit: Boolean(flags.submit) }, given);
      console.log(
        `导入成功：${r.rows} 行，${r.reports} 份${campaign.reportName}，变更 ${r.changedFields} 项${flags.submit ? `，报送 ${r.submitted} 份` : ''}（记录时间 ${r.at}）`,
      );
    } else if (what === 'roster') {
      const r = await importRoster(ctx, county!, table, given, basename(path));
      console.log(`村级台账导入成功：${r.rows} 个村（社区）（记录时间 ${r.at}）`);
    } else {
      const r = await importCases(ctx, county!, table, given, basename(path));
      console.log(`办件台账导入成功：${r.rows} 件（记录时间 ${r.at}）`);
    }
  } finally {
    await opened.close();
  }
  return 0;
}
