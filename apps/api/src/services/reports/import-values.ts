import { valueRowSchema } from '@dudao/schema/inputs';
import type { CampaignDef } from '@dudao/schema/campaign';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { requireHeaders, type Table } from '../files/table-reader';
import { ImportRejected, type ImportIssue } from '../import-errors';
import { countyShapes } from '../org/shape';
import { fieldLabel, parseFieldValue } from './fields';
import { checkReportRules, checkRequired, type Fields } from './rules';
import {
  currentFields,
  ensureReport,
  findReport,
  latestReportBefore,
  snapshotSubmission,
  transition,
  writeFields,
} from './store';

export const valueColumns = ['unit_code', 'period', 'indicator', 'value', 'comment'] as const;

interface Group {
  countyCode: string;
  period: string;
  values: Fields;
  comments: Record<string, string>;
  rowOf: Record<string, number>;
}

export interface ValuesImportResult {
  rows: number;
  reports: number;
  changedFields: number;
  submitted: number;
  /** The instant every write of the import is stamped with. */
  at: string;
}

function readGroups(
  campaign: CampaignDef,
  table: Table,
  counties: Set<string>,
  issues: ImportIssue[],
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const { row, cells } of table.rows) {
    const parsed = valueRowSchema.safeParse(cells);
    if (!parsed.success) {
      for (const e of parsed.error.issues) issues.push({ row, column: String(e.path[0] ?? '行'), message: e.message });
      continue;
    }
    const r = parsed.data;
    const def = campaign.indicators.find((i) => i.code === r.indicator);
    const isField = def?.source === 'report' || campaign.tasks.some((t) => r.indicator === `narrative.${t.code}`);
    if (!counties.has(r.unit_code))
      issues.push({ row, column: 'unit_code', message: `单位代码 ${r.unit_code} 不是本省的县级单位` });
    if (!campaign.periods.includes(r.period))
      issues.push({
        row,
        column: 'period',
        message: `期间 ${r.period} 不在活动期间 ${campaign.periods[0]}…${campaign.periods.at(-1)} 内`,
      });
    if (!isField) {
      issues.push({
        row,
        column: 'indicator',
        message: def ? `指标 ${r.indicator}（${def.name}）由系统计算，不能导入` : `指标代码 ${r.indicator} 不存在`,
      });
      continue;
    }
    const value = parseFieldValue(def, r.value);
    if (!value.ok) {
      issues.push({ row, column: fieldLabel(campaign, r.indicator), message: value.message });
      continue;
    }
    const key = `${r.unit_code}|${r.period}`;
    const group = groups.get(key) ?? { countyCode: r.unit_code, period: r.period, values: {}, comments: {}, rowOf: {} };
    groups.set(key, group);
    if (r.indicator in group.rowOf) {
      issues.push({
        row,
        column: fieldLabel(campaign, r.indicator),
        message: `与第 ${group.rowOf[r.indicator]} 行重复`,
      });
      continue;
    }
    group.rowOf[r.indicator] = row;
    group.values[r.indicator] = value.value;
    if (r.comment) group.comments[r.indicator] = r.comment;
  }
  return groups;
}

/**
 * All-or-nothing: every row and every report-level rule is checked before the first write, inside the transaction
 * that writes, so a report approved or edited by another writer meanwhile is judged as it stands.
 */
export async function importValues(
  ctx: Ctx<'campaign' | 'actor'>,
  table: Table,
  options: { submit: boolean },
  given?: string,
): Promise<ValuesImportResult> {
  const { campaign } = ctx;
  requireHeaders(table, valueColumns);
  // The division tree is loaded once and never written by a request: read before the transaction, it names the
  // reports the file touches, so their locks are taken before any of them is judged.
  const shapes = new Map((await countyShapes(ctx, campaign.province)).map((c) => [c.code, c]));
  const issues: ImportIssue[] = [];
  // In county and period order: a county's earlier period in the same file is the later one's previous month.
  const groups = [...readGroups(campaign, table, new Set(shapes.keys()), issues).values()].sort(
    (a, b) => a.countyCode.localeCompare(b.countyCode) || a.period.localeCompare(b.period),
  );
  const locks = groups.map((g) => lockOn.report(campaign.code, g));
  return stampedWrite(ctx, { at: given, locks }, async (ctx, at) => {
    const merged = new Map<string, Fields>();
    for (const g of groups) {
      const existing = await findReport(ctx, g.countyCode, g.period);
      if (existing && (existing.state === 'approved' || existing.state === 'accepted')) {
        issues.push({
          row: Object.values(g.rowOf)[0] ?? null,
          column: 'period',
          message: `${g.countyCode} ${g.period} ${campaign.reportName}已审核，须先由省级重新打开才能导入`,
        });
      }
      const current = existing ? await currentFields(ctx, existing.id) : { values: {}, comments: {} };
      const values = { ...current.values, ...g.values };
      merged.set(`${g.countyCode}|${g.period}`, values);
      const prevInFile = [...merged.entries()]
        .filter(([k]) => k.startsWith(`${g.countyCode}|`) && k < `${g.countyCode}|${g.period}`)
        .at(-1)?.[1];
      const prevReport = prevInFile ? undefined : await latestReportBefore(ctx, g.countyCode, g.period);
      const previous = prevInFile ?? (prevReport ? (await currentFields(ctx, prevReport.id)).values : null);
      const ruleIssues = checkReportRules({
        campaign,
        townships: shapes.get(g.countyCode)?.townships ?? 0,
        current: values,
        comments: { ...current.comments, ...g.comments },
        previous,
      });
      if (options.submit) ruleIssues.push(...checkRequired(campaign, values));
      for (const i of ruleIssues) {
        issues.push({
          row: g.rowOf[i.field] ?? null,
          column: fieldLabel(campaign, i.field),
          message: `${g.countyCode} ${g.period}：${i.message}`,
        });
      }
    }
    if (issues.length > 0) throw new ImportRejected(issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

    const result: ValuesImportResult = {
      rows: table.rows.length,
      reports: groups.length,
      changedFields: 0,
      submitted: 0,
      at,
    };
    for (const g of groups) {
      let report = await ensureReport(ctx, g.countyCode, g.period, at);
      const changed = await writeFields(ctx, report, g.values, g.comments, at);
      result.changedFields += changed;
      if (changed > 0) report = await transition(ctx, report, 'save', report.state, at);
      if (options.submit) {
        await snapshotSubmission(ctx, report, at);
        await transition(ctx, report, 'submit', 'submitted', at);
        result.submitted++;
      }
    }
    return result;
  });
}
