import type { CampaignDef, Denominator } from '@dudao/schema/campaign';

export type Fields = Record<string, string | null>;
export interface RuleIssue {
  field: string;
  message: string;
}
export interface RuleContext {
  campaign: CampaignDef;
  townships: number;
  current: Fields;
  comments: Record<string, string>;
  /** The same county's previous period, when it has one. */
  previous: Fields | null;
}

const num = (v: string | null | undefined): number | null => (v == null || v === '' ? null : Number(v));
const pct = (x: number) => `${Math.round(x * 100)}%`;

function wholeOf(ctx: RuleContext, whole: Denominator): { value: number | null; label: string } {
  if ('indicator' in whole) {
    const def = ctx.campaign.indicators.find((i) => i.code === whole.indicator);
    return { value: num(ctx.current[whole.indicator]), label: def?.name ?? whole.indicator };
  }
  return { value: whole.orgCount === 'townships' ? ctx.townships : null, label: '本县乡镇（街道）总数' };
}

/** DOMAIN.md's validation: parts ≤ wholes, flows never decrease, ranges, outliers need a comment. */
export function checkReportRules(ctx: RuleContext): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const rel of ctx.campaign.relations) {
    const part = num(ctx.current[rel.part]);
    const whole = wholeOf(ctx, rel.whole);
    if (part != null && whole.value != null && part > whole.value) {
      issues.push({ field: rel.part, message: `不能大于${whole.label}（${part} > ${whole.value}）` });
    }
  }
  const { outlierChange } = ctx.campaign.thresholds;
  for (const def of ctx.campaign.indicators) {
    if (def.source !== 'report') continue;
    const value = num(ctx.current[def.code]);
    if (value == null || Number.isNaN(value)) continue;
    if (def.range && (value < def.range.min || value > def.range.max)) {
      issues.push({ field: def.code, message: `应在 ${def.range.min}–${def.range.max} 之间，实际为 ${value}` });
    }
    const before = num(ctx.previous?.[def.code]);
    if (before == null) continue;
    if (def.accumulation === 'flow' && value < before) {
      issues.push({ field: def.code, message: `为自 7 月 1 日起的累计数，不能小于上期（${before}），本期为 ${value}` });
    }
    if (def.accumulation === 'stock' && before > 0 && Math.abs(value - before) / before > outlierChange && !ctx.comments[def.code]?.trim()) {
      issues.push({ field: def.code, message: `较上期变动 ${pct(Math.abs(value - before) / before)}（${before} → ${value}），超过 ${pct(outlierChange)}，须填写说明` });
    }
  }
  return issues;
}

/** Every targeted indicator must be filled before a report can be submitted. */
export function checkRequired(campaign: CampaignDef, current: Fields): RuleIssue[] {
  return campaign.indicators
    .filter((d) => d.source === 'report' && d.target && (current[d.code] == null || current[d.code] === ''))
    .map((d) => ({ field: d.code, message: '为考核指标，报送前必须填写' }));
}
