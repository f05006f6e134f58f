import { caseColumnHeaders, caseColumns, caseRowSchema, type CaseRowInput } from '@dudao/schema/inputs';
import { caseRecords, caseUploads } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import { stampedWrite, withTransaction, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { FileFormatError, type Table } from '../files/table-reader';
import { ImportRejected, type ImportIssue } from '../import-errors';
import { getUnit, townshipsOf } from '../org/units';

const columnName: Record<string, string> = caseColumnHeaders;

/** A table under the Chinese headers (the template's) or the English codes, read as rows keyed by the codes. */
function byCodes(table: Table): Table {
  const chinese = caseColumns.map((c) => caseColumnHeaders[c]);
  if (caseColumns.every((c) => table.headers.includes(c))) return table;
  const missing = chinese.filter((h) => !table.headers.includes(h));
  if (missing.length > 0)
    throw new FileFormatError(`表头缺少列：${missing.join('、')}（应为：${chinese.join('、')}，可下载模板填写）`);
  return {
    headers: [...caseColumns],
    rows: table.rows.map((r) => ({
      row: r.row,
      cells: Object.fromEntries(caseColumns.map((c) => [c, r.cells[caseColumnHeaders[c]] ?? ''])),
    })),
  };
}

export async function validateCases(ctx: Ctx, countyCode: string, source: Table): Promise<CaseRowInput[]> {
  const table = byCodes(source);
  const county = await getUnit(ctx, countyCode);
  if (!county || county.level !== 'county')
    throw new ImportRejected([{ row: null, column: '县级单位', message: `${countyCode} 不是县级单位代码` }]);
  // A header-only file would become the current case log and silently zero every figure drawn from it.
  if (table.rows.length === 0)
    throw new ImportRejected([{ row: null, column: '办件台账', message: '文件只有表头、没有办件记录，未导入' }]);
  const townships = new Set((await townshipsOf(ctx, [countyCode])).map((t) => t.code));
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const rows: CaseRowInput[] = [];
  for (const { row, cells } of table.rows) {
    const parsed = caseRowSchema.safeParse(cells);
    if (!parsed.success) {
      for (const e of parsed.error.issues)
        issues.push({ row, column: columnName[String(e.path[0])] ?? '行', message: e.message });
      continue;
    }
    const r = parsed.data;
    if (!townships.has(r.township_code))
      issues.push({
        row,
        column: columnName.township_code!,
        message: (await getUnit(ctx, r.township_code))
          ? `${r.township_code} 不属于${county.name}`
          : `${r.township_code} 不存在`,
      });
    const first = seen.get(r.case_id);
    if (first !== undefined)
      issues.push({ row, column: columnName.case_id!, message: `${r.case_id} 与第 ${first} 行重复` });
    seen.set(r.case_id, row);
    rows.push(r);
  }
  if (issues.length > 0) throw new ImportRejected(issues);
  return rows;
}

/** One import is all or nothing: the checks and the writes run in one transaction. */
export async function importCases(
  ctx: Ctx<'campaign' | 'actor'>,
  countyCode: string,
  table: Table,
  given: string | undefined,
  fileName: string | null,
) {
  return stampedWrite(ctx, { at: given, locks: [] }, async (ctx, at) =>
    saveCases(ctx, countyCode, await validateCases(ctx, countyCode, table), at, fileName),
  );
}

export async function saveCases(
  ctx: Ctx<'campaign' | 'actor'>,
  countyCode: string,
  rows: CaseRowInput[],
  at: string,
  fileName: string | null,
) {
  // An append judging nothing: each upload is the county's newest case log, whatever came before.
  return withTransaction(ctx, [], async (ctx) => {
    const { db, campaign, actor } = ctx;
    const upload = await db
      .insert(caseUploads)
      .values({
        campaignCode: campaign.code,
        countyCode,
        uploadedAt: at,
        actorId: actor.id,
        actor: actor.label,
        fileName,
        rowCount: rows.length,
      })
      .returning()
      .get();
    const values = rows.map((r) => ({
      uploadId: upload.id,
      caseId: r.case_id,
      kind: r.kind,
      townshipCode: r.township_code,
      appliedOn: r.applied_on,
      decidedOn: r.decided_on,
    }));
    await bulkInsert(db, caseRecords, values);
    await recordAudit(ctx, at, [
      {
        action: 'cases.upload',
        entity: 'case_upload',
        entityId: upload.id,
        unitCode: countyCode,
        field: 'case_log',
        newValue: `${rows.length} 件`,
      },
    ]);
    return { uploadId: upload.id, rows: rows.length, at };
  });
}
