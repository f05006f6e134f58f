import { unitsQueryInput } from '@dudao/schema/inputs';
import { openDb } from '../../db/client';
import { databasePath } from '../../db/paths';
import { listUnits } from '../../services/org/units';
import { parse, str, UsageError } from '../args';

export async function unitsCommand(argv: string[]): Promise<number> {
  const { flags } = parse(argv, {
    parent: { type: 'string' },
    level: { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
  });
  const query = unitsQueryInput.safeParse({ parent: str(flags, 'parent'), level: str(flags, 'level') });
  if (!query.success) throw new UsageError(query.error.issues.map((i) => i.message).join('；'));
  const opened = await openDb(databasePath(str(flags, 'db')));
  let units: Awaited<ReturnType<typeof listUnits>>;
  try {
    units = await listUnits(opened, query.data.parent || query.data.level ? query.data : { level: 'city' });
  } finally {
    await opened.close();
  }
  if (flags.json) console.log(JSON.stringify(units));
  else for (const u of units) console.log(`${u.code}\t${u.name}${u.kind ? `\t${u.kind}` : ''}`);
  return 0;
}
