import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfAvailable } from '@dudao/documents/pdf';
import { isoDateSchema } from '@dudao/schema/inputs';
import { openDb } from '../../db/client';
import { systemActor } from '../../services/actor';
import { serviceContext, type Ctx } from '../../services/context';
import { databasePath } from '../../db/paths';
import { generateDocument, type BuiltDocument } from '../../services/documents/generate';
import { snapshotAt } from '../../services/documents/snapshot';
import { getUnit } from '../../services/org/units';
import { onlyFlags, parse, str, UsageError, type Flags } from '../args';
import { progressBar } from '../progress';
import { campaignFlag } from '../campaign-flag';
import { fromUser } from '../user-path';

const usage = `用法：
  report city --city CODE --as-of YYYY-MM-DD --out FILE.docx [--pdf]
  report province --as-of YYYY-MM-DD --out FILE.docx [--pdf]
  report notice --as-of YYYY-MM-DD --out FILE.docx [--pdf]
  report annex [--unit CODE] --as-of YYYY-MM-DD --out FILE.xlsx
  report all --as-of YYYY-MM-DD --dir DIR [--pdf]
  每条命令都可加 --campaign CODE（默认：已开始的活动中开始最晚的一个）
  --pdf 同时用 LibreOffice 另存 PDF（FILE.pdf），须已安装 libreoffice-writer`;

/** The flags each kind takes besides --as-of, --db and --campaign. */
const reportFlags: Record<string, string[]> = {
  city: ['city', 'out', 'pdf'],
  province: ['out', 'pdf'],
  notice: ['out', 'pdf'],
  annex: ['unit', 'out'],
  all: ['dir', 'pdf'],
};

function required(flags: Flags, name: string, what: string): string {
  const value = str(flags, name);
  if (!value) throw new UsageError(`须指定 --${name} ${what}\n${usage}`);
  return value;
}

/** The .docx, and with --pdf the PDF as LibreOffice prints it (the 版记 on an even page). */
function write(path: string, built: BuiltDocument): void {
  writeFileSync(path, built.content);
  console.error(`已生成 ${path}`);
  if (!built.pdf) return;
  const pdfPath = path.replace(/\.docx$/i, '') + '.pdf';
  writeFileSync(pdfPath, built.pdf);
  console.error(`已生成 ${pdfPath}`);
}

export async function reportCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, {
    'as-of': { type: 'string' },
    city: { type: 'string' },
    unit: { type: 'string' },
    out: { type: 'string' },
    dir: { type: 'string' },
    db: { type: 'string' },
    campaign: { type: 'string' },
    pdf: { type: 'boolean' },
  });
  const kind = positionals[0];
  if (!kind || !['city', 'province', 'notice', 'annex', 'all'].includes(kind)) throw new UsageError(usage);
  onlyFlags(flags, ['as-of', 'db', 'campaign', ...reportFlags[kind]!], `report ${kind}`, usage);
  const asOf = isoDateSchema.safeParse(str(flags, 'as-of'));
  if (!asOf.success) throw new UsageError(`须指定 --as-of YYYY-MM-DD\n${usage}`);
  const target =
    kind === 'all'
      ? fromUser(required(flags, 'dir', 'DIR'))
      : fromUser(required(flags, 'out', kind === 'annex' ? 'FILE.xlsx' : 'FILE.docx'));
  const pdf = flags.pdf === true;
  if (pdf && kind === 'annex') throw new UsageError(`指标附表是 Excel 文件，不另存 PDF\n${usage}`);
  if (pdf && !pdfAvailable())
    throw new UsageError('--pdf 需要 LibreOffice（apt-get install libreoffice-writer），本机未找到 soffice');
  const opened = await openDb(databasePath(str(flags, 'db')));
  try {
    const { db } = opened;
    const campaign = await campaignFlag(db, flags);
    const ctx = serviceContext(db, campaign, systemActor);
    if (kind === 'all') {
      await reportAll(ctx, asOf.data, target, pdf);
      return 0;
    }
    let unit = campaign.province;
    if (kind === 'annex') {
      unit = str(flags, 'unit') ?? campaign.province;
      if (!(await getUnit(ctx, unit))) throw new UsageError(`单位 ${unit} 不存在`);
    }
    if (kind === 'city') {
      unit = required(flags, 'city', 'CODE');
      if ((await getUnit(ctx, unit))?.level !== 'city') throw new UsageError(`${unit} 不是市级单位代码`);
    }
    const built = await generateDocument(
      ctx,
      kind as 'city' | 'province' | 'notice' | 'annex',
      unit,
      asOf.data,
      undefined,
      {
        pdf,
      },
    );
    write(target, built);
    return 0;
  } finally {
    await opened.close();
  }
}

/** Every December-15 document from one snapshot, so all of them describe exactly the same day. */
async function reportAll(ctx: Ctx<'campaign'>, asOf: string, dir: string, pdf: boolean): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const snapshot = await snapshotAt(ctx, asOf);
  const { province, cities } = snapshot.status;
  const jobs: [string, 'city' | 'province' | 'notice' | 'annex', string][] = [
    ...cities.map((c): [string, 'city', string] => [`${c.code}${c.name}行动总结.docx`, 'city', c.code]),
    [`${province.code}${province.name}行动总结.docx`, 'province', province.code],
    ['督导通报.docx', 'notice', province.code],
    ['附件-指标明细.xlsx', 'annex', province.code],
  ];
  const bar = progressBar('生成报告');
  bar.start(jobs.length);
  // Two at a time: one document is composed while the other's charts render on the thread pool. With --pdf one at a
  // time, since LibreOffice converts one file at a time per profile.
  const built: BuiltDocument[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const [, kind, unit] = jobs[i]!;
      built[i] = await generateDocument(ctx, kind, unit, asOf, snapshot, { pdf: pdf && kind !== 'annex' });
      bar.tick(1);
    }
  };
  await Promise.all(Array.from({ length: pdf ? 1 : 2 }, worker));
  const files: string[] = [];
  jobs.forEach(([name], i) => {
    const { content, pdf: printed } = built[i]!;
    writeFileSync(join(dir, name), content);
    files.push(name);
    if (printed) {
      writeFileSync(join(dir, name.replace(/\.docx$/, '.pdf')), printed);
      files.push(name.replace(/\.docx$/, '.pdf'));
    }
  });
  bar.stop();
  console.error(`已在 ${dir} 生成 ${files.length} 个文件`);
}
