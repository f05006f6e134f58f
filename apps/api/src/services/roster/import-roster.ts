import { rosterColumns, rosterRowSchema, type RosterRowInput } from '@dudao/schema/inputs';
import { rosterRows, rosterUploads } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import { lockOn, stampedWrite, withTransaction, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { requireHeaders, type Table } from '../files/table-reader';
import { ImportRejected, type ImportIssue } from '../import-errors';
import { getUnit, villagesOf } from '../org/units';
import { currentRoster } from './current';

const headerOf = Object.fromEntries(rosterColumns.map((c) => [c.key, c.header])) as Record<string, string>;

export async function validateRoster(ctx: Ctx, countyCode: string, table: Table): Promise<RosterRowInput[]> {
  requireHeaders(
    table,
    rosterColumns.map((c) => c.header),
  );
  const county = await getUnit(ctx, countyCode);
  if (!county || county.level !== 'county')
    throw new ImportRejected([{ row: null, column: '县级单位', message: `${countyCode} 不是县级单位代码` }]);
  const villages = new Map((await villagesOf(ctx, countyCode)).map((v) => [v.code, v.name]));
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const rows: RosterRowInput[] = [];
  for (const { row, cells } of table.rows) {
    const raw = Object.fromEntries(rosterColumns.map((c) => [c.key, cells[c.header] ?? '']));
    const code = String(raw.village_code).trim();
    // Membership and duplicates are judged on the code alone, so a row with a bad cell still counts as present.
    const name = villages.get(code);
    if (/^\d{12}$/.test(code)) {
      if (name === undefined)
        issues.push({
          row,
          column: headerOf.village_code!,
          message: (await getUnit(ctx, code)) ? `${code} 不属于${county.name}` : `${code} 不存在`,
        });
      const first = seen.get(code);
      if (first !== undefined)
        issues.push({ row, column: headerOf.village_code!, message: `${code} 与第 ${first} 行重复` });
      else seen.set(code, row);
      const given = String(raw.village_name).trim();
      if (name !== undefined && given !== name)
        issues.push({ row, column: headerOf.village_name!, message: `与代码 ${code} 不符（应为“${name}”）` });
    }
    const parsed = rosterRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const e of parsed.error.issues)
        issues.push({ row, column: headerOf[String(e.path[0])] ?? '行', message: e.message });
      continue;
    }
    rows.push(parsed.data);
  }
  const missing = [...villages.keys()].filter((code) => !seen.has(code));
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 10)
      .map((c) => `${c} ${villages.get(c)}`)
      .join('、');
    issues.push({
      row: null,
      column: headerOf.village_code!,
      message: `缺少 ${missing.length} 个村（社区）：${shown}${missing.length > 10 ? ' 等' : ''}`,
    });
  }
  if (issues.length > 0) throw new ImportRejected(issues);
  return rows;
}

/**
 * A roster upload replaces the county's roster as a whole new version; the old one stays for earlier dates.
 * One import is all or nothing: the checks and the writes run in one transaction.
 */
export async function importRoster(
  ctx: Ctx<'campaign' | 'actor'>,
  countyCode: string,
  table: Table,
  given: string | undefined,
  fileName: string | null,
) {
  return stampedWrite(ctx, { at: given, locks: [lockOn.roster(ctx.campaign.code, countyCode)] }, async (ctx, at) => {
    const rows = await validateRoster(ctx, countyCode, table);
    return saveRoster(ctx, countyCode, rows, at, fileName);
  });
}

export async function saveRoster(
  ctx: Ctx<'campaign' | 'actor'>,
  countyCode: string,
  rows: RosterRowInput[],
  at: string,
  fileName: string | null,
) {
  // The upload records what it replaced: uploads of one county take turns.
  return withTransaction(ctx, [lockOn.roster(ctx.campaign.code, countyCode)], async (ctx) => {
    const { db, campaign, actor } = ctx;
    const before = await currentRoster(ctx, countyCode);
    const upload = await db
      .insert(rosterUploads)
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
      villageCode: r.village_code,
      villageName: r.village_name,
      longTermRecipients: r.long_term_recipients,
      civilAffairsMember: r.civil_affairs_member,
      coordinators: r.coordinators,
      coordinatorsFullTime: r.coordinators_full_time,
      coordinatorPay: r.coordinator_pay,
      stations: r.stations,
    }));
    await bulkInsert(db, rosterRows, values);
    const summary = (n: number, c: number) => `${n} 个村，配备协理员 ${c} 个`;
    await recordAudit(ctx, at, [
      {
        action: 'roster.upload',
        entity: 'roster_upload',
        entityId: upload.id,
        unitCode: countyCode,
        field: 'roster',
        oldValue: before ? summary(before.rows.length, before.rows.filter((r) => r.coordinators > 0).length) : null,
        newValue: summary(rows.length, rows.filter((r) => r.coordinators > 0).length),
      },
    ]);
    return { uploadId: upload.id, rows: rows.length, at };
  });
}
