import { FileFormatError } from '../services/files/table-reader';
import { formatIssue, ImportRejected } from '../services/import-errors';
import { DomainError } from '../services/errors';
import { UsageError } from './args';
import { clockCommand } from './commands/clock';
import { dbBackup, dbRestore } from './commands/db-backup';
import { dbReset } from './commands/db-reset';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { unitsCommand } from './commands/units';
import { reportCommand } from './commands/report';
import { statusCommand } from './commands/status';
import { usersCommand } from './commands/users';
import { campaignCommand } from './commands/campaign';
import { notifyCommand } from './commands/notify';

const commands: Record<string, (argv: string[]) => number | Promise<number>> = {
  'db:reset': dbReset,
  clock: clockCommand,
  'db:backup': dbBackup,
  'db:restore': dbRestore,
  units: unitsCommand,
  import: importCommand,
  export: exportCommand,
  users: usersCommand,
  status: statusCommand,
  report: reportCommand,
  campaign: campaignCommand,
  notify: notifyCommand,
};

const usage = `用法：pnpm cli <命令>
  db:reset [--no-demo] [--scale province|nation] [--clock ISO时间] [--campaign CODE,…] [--db PATH] [--force]
  db:backup FILE [--db PATH]
  db:restore FILE [--db PATH]
  clock [set ISO时间 | real]
  units [--parent CODE] [--level city|county|township|village] [--json]
  import values FILE [--at ISO时间] [--submit]
  import roster FILE --county CODE [--at ISO时间]
  import cases FILE --county CODE [--at ISO时间]
  export values [--out FILE]
  users
  status [--as-of YYYY-MM-DD] [--unit CODE] [--json]
  report city --city CODE --as-of DATE --out FILE.docx
  report province|notice --as-of DATE --out FILE.docx
  report annex [--unit CODE] --as-of DATE --out FILE.xlsx
  report all --as-of DATE --dir DIR
  campaign validate FILE | install FILE | list | schema [--out FILE]
  notify channels [--file FILE.yaml] | test --channel dingtalk|wecom|email|sms [--unit CODE] [--to 地址] | outbox [--state dead] | resend ID
import、export、status、report 均可加 --campaign CODE 指定活动（默认：已开始的最新活动；pnpm cli campaign list 列出）；
report 加 --pdf 同时输出 PDF（需安装 LibreOffice）。`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(usage);
    return name ? 2 : 0;
  }
  try {
    return await command(rest);
  } catch (e) {
    if (e instanceof ImportRejected) {
      console.error(e.message);
      for (const issue of e.issues) console.error(`  ${formatIssue(issue)}`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof FileFormatError || e instanceof DomainError) {
      console.error(`错误：${e.message}`);
      return 1;
    }
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') {
      console.error(`错误：找不到文件 ${(e as NodeJS.ErrnoException).path}`);
      return 1;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`错误：${e.message}\n${usage}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
