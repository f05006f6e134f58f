import type { Campaign, IndicatorDef } from './api-types';

// The DOMAIN.md rules a submission must pass, checked in the browser before it is sent so the clerk sees them
// beside the field; the API checks them again and its answer is final.

export type Fields = Record<string, string | null | undefined>;
export type IssueKind = 'format' | 'required' | 'rule' | 'comment';

export interface FieldIssue {
  field: string;
  kind: IssueKind;
  message: string;
}

export interface RuleInput {
  campaign: Pick<Campaign, 'indicators' | 'relations' | 'thresholds'>;
  townships: number;
  values: Fields;
  comments: Record<string, string | undefined>;
  previous: Fields | null;
}

const blank = (v: string | null | undefined) => v == null || v.trim() === '';
const num = (v: string | null | undefined) => (blank(v) ? null : Number(v!.trim()));
const pct = (x: number) => `${Math.round(x * 100)}%`;

const formats: Partial<Record<IndicatorDef['kind'], { pattern: RegExp; message: string }>> = {
  count: { pattern: /^\d+$/, message: '应为非负整数' },
  amount: { pattern: /^\d+(\.\d{1,2})?$/, message: '应为金额（元，最多两位小数）' },
  days: { pattern: /^\d+(\.\d)?$/, message: '应为工作日数（最多一位小数）' },
  bool: { pattern: /^(true|false)$/, message: '请选择“是”或“否”' },
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '应为日期（YYYY-MM-DD）' },
};

export function formatIssue(def: IndicatorDef, text: string | null | undefined): string | null {
  if (blank(text)) return null;
  const format = formats[def.kind];
  return format && !format.pattern.test(text!.trim()) ? `${format.message}，实际为“${text!.trim()}”` : null;
}

/** Stocks that moved more than the outlier share from the previous period: they need a comment. */
export function outliers(input: RuleInput): { field: string; before: number; now: number; change: number }[] {
  const limit = input.campaign.thresholds.outlierChange;
  return input.campaign.indicators.flatMap((def) => {
    if (def.source !== 'report' || def.accumulation !== 'stock' || formatIssue(def, input.values[def.code])) return [];
    const now = num(input.values[def.code]);
    const before = num(input.previous?.[def.code]);
    if (now === null || before === null || before <= 0) return [];
    const change = Math.abs(now - before) / before;
    return change > limit ? [{ field: def.code, before, now, change }] : [];
  });
}

function wholeOf(input: RuleInput, whole: Campaign['relations'][number]['whole']): { value: number | null; label: string } {
  if ('indicator' in whole) {
    const def = input.campaign.indicators.find((i) => i.code === whole.indicator);
    return { value: num(input.values[whole.indicator]), label: def?.name ?? whole.indicator };
  }
  return { value: whole.orgCount === 'townships' ? input.townships : null, label: '本县乡镇（街道）总数' };
}

/** Every issue of the report as filled: wrong formats, blank targeted indicators, broken rules, missing comments. */
export function checkReport(input: RuleInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const defs = input.campaign.indicators.filter((d) => d.source === 'report');
  const malformed = new Set<string>();
  for (const def of defs) {
    const message = formatIssue(def, input.values[def.code]);
    if (message) {
      malformed.add(def.code);
      issues.push({ field: def.code, kind: 'format', message });
    } else if (def.target && blank(input.values[def.code])) {
      issues.push({ field: def.code, kind: 'required', message: '为考核指标，报送前必须填写' });
    }
  }
  const usable = (code: string) => !malformed.has(code);
  for (const rel of input.campaign.relations) {
    const part = num(input.values[rel.part]);
    const whole = wholeOf(input, rel.whole);
    const wholeOk = !('indicator' in rel.whole) || usable(rel.whole.indicator);
    if (part !== null && whole.value !== null && usable(rel.part) && wholeOk && part > whole.value) {
      issues.push({ field: rel.part, kind: 'rule', message: `不能大于${whole.label}（${part} > ${whole.value}）` });
    }
  }
  for (const def of defs) {
    const value = num(input.values[def.code]);
    if (value === null || !usable(def.code)) continue;
    if (def.range && (value < def.range.min || value > def.range.max)) {
      issues.push({ field: def.code, kind: 'rule', message: `应在 ${def.range.min}–${def.range.max} 之间，实际为 ${value}` });
    }
    const before = num(input.previous?.[def.code]);
    if (def.accumulation === 'flow' && before !== null && value < before) {
      issues.push({ field: def.code, kind: 'rule', message: `为自 7 月 1 日起的累计数，不能小于上期（${before}），本期为 ${value}` });
    }
  }
  for (const o of outliers(input)) {
    if (blank(input.comments[o.field])) {
      const limit = input.campaign.thresholds.outlierChange;
      issues.push({ field: o.field, kind: 'comment', message: `较上期变动 ${pct(o.change)}（${o.before} → ${o.now}），超过 ${pct(limit)}，须填写说明` });
    }
  }
  return issues;
}

/** Issues that stop a draft from being saved: only values the API could not read at all. */
export const blocksSave = (issue: FieldIssue) => issue.kind === 'format';
