import { FileFormatError } from '../services/files/file-format-error';
import { formatIssue, ImportRejected } from '../services/import-errors';
import { DomainError } from '../services/errors';
import { UsageError } from './args';

type Command = (argv: string[]) => number | Promise<number>;

// Each command is loaded when it runs: the documents' and the spreadsheets' libraries take seconds to load, and
// `clock`, `status` or `campaign` need neither.
const commands: Record<string, () => Promise<Command>> = {
  'db:reset': async () => (await import('./commands/db-reset')).dbReset,
  clock: async () => (await import('./commands/clock')).clockCommand,
  'db:backup': async () => (await import('./commands/db-backup')).dbBackup,
  'db:restore': async () => (await import('./commands/db-backup')).dbRestore,
  units: async () => (await import('./commands/units')).unitsCommand,
  import: async () => (await import('./commands/import')).importCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  users: async () => (await import('./commands/users')).usersCommand,
  status: async () => (await import('./commands/status')).statusCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  campaign: async () => (await import('./commands/campaign')).campaignCommand,
  notify: async () => (await import('./commands/notify')).notifyCommand,
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
  const load = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    console.error(usage);
    return name ? 2 : 0;
  }
  try {
    const command = await load();
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
