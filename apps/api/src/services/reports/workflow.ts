import { endOfBeijingDay, type CampaignDef } from '@dudao/schema/campaign';
import { periodText } from '@dudao/metrics';
import type { MonthlyReport, ReportState } from '@dudao/schema/tables';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { DomainError } from '../errors';
import { notifyRole } from '../notices/notify';
import { getUnit, townshipsOf } from '../org/units';
import { fieldLabel, fieldOrder, parseFieldValue } from './fields';
import { checkReportRules, checkRequired, type Fields } from './rules';
import {
  bumpEditsAfterSubmit,
  currentFields,
  ensureReport,
  findReport,
  latestReportBefore,
  snapshotSubmission,
  transition,
  writeFields,
} from './store';

export const editableStates: ReportState[] = ['draft', 'returned'];
const stateName: Record<ReportState, string> = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  approved: '市级已审核',
  accepted: '省级已确认',
};

export interface ReportRef {
  countyCode: string;
  period: string;
}

async function requireReport(ctx: Ctx<'campaign'>, ref: ReportRef): Promise<MonthlyReport> {
  const report = await findReport(ctx, ref.countyCode, ref.period);
  if (!report)
    throw new DomainError('not_found', `${ref.countyCode} ${periodText(ref.period)}${ctx.campaign.reportName}不存在`);
  return report;
}

function requireVersion(campaign: CampaignDef, report: MonthlyReport, version: number): void {
  if (report.version !== version) {
    throw new DomainError(
      'conflict',
      `该${campaign.reportName}已被更新（当前版本 ${report.version}，您编辑的是版本 ${version}），请刷新后重新修改，未保存任何内容`,
    );
  }
}

function requireState(campaign: CampaignDef, report: MonthlyReport, allowed: ReportState[], doing: string): void {
  if (!allowed.includes(report.state))
    throw new DomainError('conflict', `${campaign.reportName}当前状态为“${stateName[report.state]}”，不能${doing}`);
}

export function parseFields(campaign: CampaignDef, raw: Record<string, string | null>): Fields {
  const out: Fields = {};
  const issues = [];
  for (const [field, text] of Object.entries(raw)) {
    const def = campaign.indicators.find((i) => i.code === field);
    const known = def?.source === 'report' || campaign.tasks.some((t) => field === `narrative.${t.code}`);
    if (!known) {
      issues.push({ row: null, column: field, message: '不是本活动的填报指标' });
      continue;
    }
    const parsed = parseFieldValue(def, text ?? '');
    if (parsed.ok) out[field] = parsed.value;
    else issues.push({ row: null, column: fieldLabel(campaign, field), message: parsed.message });
  }
  if (issues.length)
    throw new DomainError('bad_request', issues.map((i) => `${i.column}：${i.message}`).join('；'), issues);
  return out;
}

export async function validateForSubmit(ctx: Ctx<'campaign'>, report: MonthlyReport) {
  const { campaign } = ctx;
  const { values, comments } = await currentFields(ctx, report.id);
  const prev = await latestReportBefore(ctx, report.countyCode, report.period);
  const townships = (await townshipsOf(ctx, [report.countyCode])).length;
  const previous = prev ? (await currentFields(ctx, prev.id)).values : null;
  const issues = [
    ...checkRequired(campaign, values),
    ...checkReportRules({ campaign, townships, current: values, comments, previous }),
  ];
  if (issues.length) {
    const list = issues.map((i) => ({ row: null, column: fieldLabel(campaign, i.field), message: i.message }));
    throw new DomainError(
      'bad_request',
      `${campaign.reportName}未通过校验：${list.map((i) => `${i.column}${i.message}`).join('；')}`,
      list,
    );
  }
}

/** A report belongs to a county of the campaign's province and to one of its periods; anything else is refused before a write. */
export async function requireReportRef(ctx: Ctx<'campaign'>, ref: ReportRef): Promise<void> {
  const { campaign } = ctx;
  const unit = await getUnit(ctx, ref.countyCode);
  if (!unit || unit.level !== 'county' || !ref.countyCode.startsWith(campaign.province))
    throw new DomainError('bad_request', `县区：${ref.countyCode} 不是本活动的县级单位`);
  if (!campaign.periods.includes(ref.period))
    throw new DomainError(
      'bad_request',
      `报送期：${periodText(ref.period)}不在活动期间（${periodText(campaign.periods[0]!)}至${periodText(campaign.periods.at(-1)!)}）内`,
    );
}

/** Comments sit beside report fields only: any other key (derived indicators, `constructor`, typos) is refused. */
export function checkCommentKeys(campaign: CampaignDef, comments: Record<string, string>): void {
  const fields = new Set(fieldOrder(campaign));
  const unknown = Object.keys(comments).filter((k) => !fields.has(k));
  if (unknown.length)
    throw new DomainError(
      'bad_request',
      `说明：${unknown.map((k) => k.slice(0, 64)).join('、')} 不是本活动的填报指标`,
      unknown.map((k) => ({ row: null, column: k.slice(0, 64), message: '不是本活动的填报指标' })),
    );
}

export async function saveDraft(
  ctx: Ctx<'campaign' | 'actor'>,
  input: ReportRef & { version: number; values: Record<string, string | null>; comments?: Record<string, string> },
  given?: string,
) {
  const { campaign } = ctx;
  await requireReportRef(ctx, input);
  checkCommentKeys(campaign, input.comments ?? {});
  const values = parseFields(campaign, input.values);
  return stampedWrite(ctx, { at: given, locks: [lockOn.report(campaign.code, input)] }, async (ctx, at) => {
    const report = await ensureReport(ctx, input.countyCode, input.period, at);
    requireVersion(campaign, report, input.version);
    requireState(campaign, report, editableStates, `修改（已报送的${campaign.reportName}须由市级退回后修改）`);
    const changed = await writeFields(ctx, report, values, input.comments ?? {}, at);
    if (changed === 0) return { report, changed };
    // The report's lock is held since before it was read, so no other write of it can commit meanwhile (and the
    // transition's compare-and-set on the version would refuse one): the row need not be read again.
    const counted = await bumpEditsAfterSubmit(ctx, report);
    return { report: await transition(ctx, counted, 'save', counted.state, at), changed };
  });
}

export async function submitReport(
  ctx: Ctx<'campaign' | 'actor'>,
  input: ReportRef & { version: number },
  given?: string,
) {
  const { campaign } = ctx;
  return stampedWrite(ctx, { at: given, locks: [lockOn.report(campaign.code, input)] }, async (ctx, at) => {
    const report = await requireReport(ctx, input);
    requireVersion(campaign, report, input.version);
    requireState(campaign, report, editableStates, '报送');
    await validateForSubmit(ctx, report);
    await snapshotSubmission(ctx, report, at);
    const county = await getUnit(ctx, report.countyCode);
    const late = at >= endOfBeijingDay(report.dueOn) ? '（逾期报送）' : '';
    await notifyRole(
      ctx,
      'city_officer',
      report.countyCode.slice(0, 4),
      {
        kind: 'report.submitted',
        title: `${county?.name ?? report.countyCode}${periodText(report.period)}${campaign.reportName}已报送${late}`,
        body: '请在审核收件箱中打开并审核。',
        unitCode: report.countyCode,
        period: report.period,
      },
      at,
    );
    return transition(ctx, report, 'submit', 'submitted', at);
  });
}

export async function decideReport(
  ctx: Ctx<'campaign' | 'actor'>,
  input: ReportRef & { version: number; reason?: string },
  decision: 'return' | 'approve' | 'accept' | 'reopen',
  given?: string,
) {
  const rule = {
    return: { from: ['submitted'] as ReportState[], to: 'returned' as ReportState, doing: '退回' },
    approve: { from: ['submitted'] as ReportState[], to: 'approved' as ReportState, doing: '审核通过' },
    accept: { from: ['approved'] as ReportState[], to: 'accepted' as ReportState, doing: '确认' },
    reopen: {
      from: ['submitted', 'approved', 'accepted'] as ReportState[],
      to: 'returned' as ReportState,
      doing: '重新打开',
    },
  }[decision];
  const { campaign, actor } = ctx;
  if ((decision === 'return' || decision === 'reopen') && !input.reason?.trim())
    throw new DomainError('bad_request', '退回或重新打开须填写原因');
  return stampedWrite(ctx, { at: given, locks: [lockOn.report(campaign.code, input)] }, async (ctx, at) => {
    const report = await requireReport(ctx, input);
    requireVersion(campaign, report, input.version);
    requireState(campaign, report, rule.from, rule.doing);
    const updated = await transition(ctx, report, decision, rule.to, at, input.reason);
    // The title says what happened; the body who did it and why, so the two never repeat each other.
    // A reason typed with its own full stop is not given a second one.
    const reason = (input.reason ?? '').trim().replace(/[。.！!；;，,]+$/u, '');
    const toldBy: Record<typeof decision, [title: string, body: string]> = {
      return: ['已退回', `${actor.label}退回，理由：${reason}。请修改后重新报送。`],
      approve: ['已审核通过', `${actor.label}已审核通过。`],
      accept: ['已确认', `${actor.label}已确认。`],
      reopen: ['已重新打开', `${actor.label}重新打开，理由：${reason}。请修改后重新报送。`],
    };
    const told = toldBy[decision];
    await notifyRole(
      ctx,
      'county_clerk',
      report.countyCode,
      {
        kind: `report.${decision}`,
        title: `${periodText(report.period)}${campaign.reportName}${told[0]}`,
        body: told[1],
        unitCode: report.countyCode,
        period: report.period,
      },
      at,
    );
    return updated;
  });
}
