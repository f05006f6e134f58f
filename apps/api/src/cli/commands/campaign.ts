import { readFileSync, writeFileSync } from 'node:fs';
import { definitionJsonSchema } from '@dudao/schema/campaign';
import { issueText, readDefinition } from '@dudao/schema/campaign/file';
import { openDb } from '../../db/client';
import { databasePath } from '../../db/paths';
import { systemActor } from '../../services/actor';
import { readClock } from '../../services/clock/clock';
import { installDefinition, listCampaignVersions } from '../../services/campaign/versions';
import { parse, str, UsageError } from '../args';
import { fromUser } from '../user-path';

const usage = 'pnpm cli campaign validate FILE | install FILE [--db PATH] | list [--db PATH] | schema [--out FILE]';

function readOrExplain(file: string) {
  const read = readDefinition(readFileSync(fromUser(file), 'utf8'));
  if (!read.ok) {
    console.error(`活动定义 ${file} 有 ${read.issues.length} 处错误：`);
    for (const issue of read.issues) console.error(`  ${issueText(issue)}`);
  }
  return read;
}

export async function campaignCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const [verb, file] = positionals;
  if (verb === 'validate' || verb === 'install') {
    if (!file) throw new UsageError(`缺少定义文件。用法：${usage}`);
    const read = readOrExplain(file);
    if (!read.ok) return 1;
    const def = read.definition;
    if (verb === 'validate') {
      console.log(
        `活动定义有效：${def.code} ${def.name}（${def.tasks.length} 项任务，${def.indicators.length} 个指标，${def.gates.length} 个关口，${def.periods.length} 个报送期）`,
      );
      return 0;
    }
    const opened = await openDb(databasePath(str(flags, 'db')));
    try {
      const ctx = { db: opened.db, actor: systemActor };
      const installed = await installDefinition(ctx, def, (await readClock(ctx)).now);
      console.log(
        installed.changed
          ? `已安装 ${installed.code} 第 ${installed.version} 版`
          : `${installed.code} 第 ${installed.version} 版与文件相同，未新建版本`,
      );
    } finally {
      await opened.close();
    }
    return 0;
  }
  if (verb === 'list') {
    const opened = await openDb(databasePath(str(flags, 'db')));
    try {
      const versions = await listCampaignVersions(opened);
      if (versions.length === 0) console.log('尚未安装任何活动');
      for (const v of versions)
        console.log(
          `${v.code}  第 ${v.version} 版  ${v.name}  ${v.start} 至 ${v.end}  安装于 ${v.installedAt}（${v.installedBy}）`,
        );
    } finally {
      await opened.close();
    }
    return 0;
  }
  if (verb === 'schema') {
    const text = `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`;
    const out = str(flags, 'out');
    if (out) writeFileSync(fromUser(out), text);
    else process.stdout.write(text);
    return 0;
  }
  throw new UsageError(`用法：${usage}`);
}
