import type { CampaignDef, Denominator, IndicatorDef } from '@dudao/schema/campaign';
import { monthDay } from './format';

// DOMAIN's rules for a monthly report, in one place: the API refuses what breaks them, and the dashboard shows the
// same messages beside each field before the clerk sends anything.

export type Fields = Record<string, string | null>;
// A form being filled may leave a field out altogether.
type FilledFields = Record<string, string | null | undefined>;
export type IssueKind = 'format' | 'required' | 'rule' | 'comment';
export interface RuleIssue {
  field: string;
  message: string;
}
export interface FieldIssue extends RuleIssue {
  kind: IssueKind;
}

type RuleCampaign = Pick<CampaignDef, 'indicators' | 'relations' | 'thresholds' | 'start'>;

export interface RuleContext {
  campaign: RuleCampaign;
  townships: number;
  current: FilledFields;
  comments: Record<string, string | undefined>;
  /** The same county's previous period, when it has one. */
  previous: FilledFields | null;
}

const blank = (v: string | null | undefined) => v == null || v.trim() === '';
const num = (v: string | null | undefined): number | null => (blank(v) ? null : Number(v!.trim()));
const pct = (x: number) => `${Math.round(x * 100)}%`;

const formats: Partial<Record<IndicatorDef['kind'], { pattern: RegExp; message: string }>> = {
  count: { pattern: /^\d+$/, message: '应为非负整数' },
  amount: { pattern: /^\d+(\.\d{1,2})?$/, message: '应为金额（元，最多两位小数）' },
  days: { pattern: /^\d+(\.\d)?$/, message: '应为工作日数（最多一位小数）' },
  bool: { pattern: /^(true|false)$/, message: '请选择“是”或“否”' },
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '应为日期（YYYY-MM-DD）' },
};

/** Why a typed value cannot be read as its kind, or null when it can (blank is readable). */
export function formatIssue(def: IndicatorDef, text: string | null | undefined): string | null {
  if (blank(text)) return null;
  const format = formats[def.kind];
  return format && !format.pattern.test(text!.trim()) ? `${format.message}，实际为“${text!.trim()}”` : null;
}

/** Stocks that moved more than the outlier share from the previous period: they need a comment. */
export function outliers(
  ctx: Pick<RuleContext, 'campaign' | 'current' | 'previous'>,
): { field: string; before: number; now: number; change: number }[] {
  const limit = ctx.campaign.thresholds.outlierChange;
  return ctx.campaign.indicators.flatMap((def) => {
    if (def.source !== 'report' || def.accumulation !== 'stock') return [];
    const now = num(ctx.current[def.code]);
    const before = num(ctx.previous?.[def.code]);
    if (now === null || Number.isNaN(now) || before === null || before <= 0) return [];
    const change = Math.abs(now - before) / before;
    return change > limit ? [{ field: def.code, before, now, change }] : [];
  });
}

function wholeOf(ctx: RuleContext, whole: Denominator): { value: number | null; label: string } {
  if ('indicator' in whole) {
    const def = ctx.campaign.indicators.find((i) => i.code === whole.indicator);
    return { value: num(ctx.current[whole.indicator]), label: def?.name ?? whole.indicator };
  }
  return { value: whole.orgCount === 'townships' ? ctx.townships : null, label: '本县乡镇（街道）总数' };
}

function ruleIssues(ctx: RuleContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const rel of ctx.campaign.relations) {
    const part = num(ctx.current[rel.part]);
    const whole = wholeOf(ctx, rel.whole);
    if (part != null && whole.value != null && part > whole.value) {
      issues.push({ field: rel.part, kind: 'rule', message: `不能大于${whole.label}（${part} > ${whole.value}）` });
    }
  }
  for (const def of ctx.campaign.indicators) {
    if (def.source !== 'report') continue;
    const value = num(ctx.current[def.code]);
    if (value == null || Number.isNaN(value)) continue;
    if (def.range && (value < def.range.min || value > def.range.max)) {
      issues.push({
        field: def.code,
        kind: 'rule',
        message: `应在 ${def.range.min}–${def.range.max} 之间，实际为 ${value}`,
      });
    }
    const before = num(ctx.previous?.[def.code]);
    if (def.accumulation === 'flow' && before !== null && value < before) {
      issues.push({
        field: def.code,
        kind: 'rule',
        message: `为自${monthDay(ctx.campaign.start)}起的累计数，不能小于上期（${before}），本期为 ${value}`,
      });
    }
  }
  const limit = ctx.campaign.thresholds.outlierChange;
  for (const o of outliers(ctx)) {
    if (blank(ctx.comments[o.field])) {
      issues.push({
        field: o.field,
        kind: 'comment',
        message: `较上期变动 ${pct(o.change)}（${o.before} → ${o.now}），超过 ${pct(limit)}，须填写说明`,
      });
    }
  }
  return issues;
}

/** DOMAIN.md's validation: parts ≤ wholes, flows never decrease, ranges, outliers need a comment. */
export function checkReportRules(ctx: RuleContext): RuleIssue[] {
  return ruleIssues(ctx).map(({ field, message }) => ({ field, message }));
}

/** Every targeted indicator must be filled before a report can be submitted. */
export function checkRequired(campaign: Pick<CampaignDef, 'indicators'>, current: FilledFields): RuleIssue[] {
  return campaign.indicators
    .filter((d) => d.source === 'report' && d.target && blank(current[d.code]))
    .map((d) => ({ field: d.code, message: '为考核指标，报送前必须填写' }));
}

/** Every issue of a report as filled: wrong formats first, then blank targets, broken rules and missing comments. */
export function checkReport(ctx: RuleContext): FieldIssue[] {
  const defs = ctx.campaign.indicators.filter((d) => d.source === 'report');
  const format: FieldIssue[] = defs.flatMap((def) => {
    const message = formatIssue(def, ctx.current[def.code]);
    return message ? [{ field: def.code, kind: 'format' as const, message }] : [];
  });
  const malformed = new Set(format.map((i) => i.field));
  const readable = Object.fromEntries(Object.entries(ctx.current).map(([k, v]) => [k, malformed.has(k) ? null : v]));
  const required: FieldIssue[] = checkRequired(ctx.campaign, ctx.current)
    .filter((i) => !malformed.has(i.field))
    .map((i) => ({ ...i, kind: 'required' }));
  return [...format, ...required, ...ruleIssues({ ...ctx, current: readable })];
}

/** Issues that stop a draft from being saved: only values the API could not read at all. */
export const blocksSave = (issue: FieldIssue) => issue.kind === 'format';
