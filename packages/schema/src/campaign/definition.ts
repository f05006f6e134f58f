import { z } from 'zod';
import type { CampaignDef } from './types';
import { documentsCrossIssues, documentsSchema } from './documents';

// The schema a campaign definition file must satisfy; its messages are what a bureau's editor reads, so Chinese.
// A missing field says so, whatever the field's own message for a wrong value.
const msg = (text: string) => (issue: { input?: unknown }) => (issue.input === undefined ? '缺少此项' : text);

const isoDate = z
  .string({ error: msg('应为日期（YYYY-MM-DD）') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期（YYYY-MM-DD）')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, day));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
  }, '不是日历上存在的日期');

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '报送期应为 YYYY-MM');
const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, '代码只能由字母、数字和下划线组成，并以字母开头');
const name = z.string().min(1, '名称不能为空').max(100, '名称不超过 100 个字符');
const share = z.number().min(0, '比例应在 0 到 1 之间').max(1, '比例应在 0 到 1 之间');

const denominator = z.union([
  z.strictObject({ indicator: code }),
  z.strictObject({ orgCount: z.enum(['townships', 'villages'], { error: msg('组织计数只能是 townships 或 villages') }) }),
]);

const target = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('ratio'), denominator: denominator.nullable(), share, deadline: isoDate.nullable() }),
    z.strictObject({ kind: z.literal('threshold'), min: z.number().nonnegative('下限不能为负'), deadline: isoDate }),
    z.strictObject({ kind: z.literal('upper'), max: z.number().nonnegative('上限不能为负') }),
    z.strictObject({ kind: z.literal('date_by'), deadline: isoDate }),
  ],
  { error: msg('目标类型只能是 ratio、threshold、upper 或 date_by') },
);

const indicator = z.strictObject({
  code,
  task: code,
  name,
  kind: z.enum(['count', 'amount', 'days', 'bool', 'date', 'ratio'], { error: msg('指标类型只能是 count、amount、days、bool、date 或 ratio') }),
  accumulation: z.enum(['stock', 'flow'], { error: msg('累计方式只能是 stock（时点）或 flow（累计）') }).optional(),
  source: z.enum(['report', 'roster'], { error: msg('来源只能是 report（月报）或 roster（村级台账）') }),
  target: target.optional(),
  shownOnly: z.boolean().optional(),
  unit: z.string().max(10).optional(),
  range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
});

const stage = z.strictObject({ code, name, start: isoDate.nullable(), end: isoDate, gates: z.array(code) });
const gate = z.strictObject({ code, name, level: z.enum(['county', 'city'], { error: msg('关口层级只能是 county 或 city') }), deadline: isoDate });
const task = z.strictObject({ code, name, weight: z.number().positive('权重应大于 0') });
const relation = z.strictObject({ kind: z.literal('part_of'), part: code, whole: denominator });

const thresholds = z.strictObject({
  green: share,
  amber: share,
  lowScore: z.number().min(0).max(100),
  manyRed: z.int().positive(),
  lateReportDays: z.int().nonnegative(),
  outlierChange: z.number().positive(),
  eligibleRecipients: z.int().positive(),
  stationPolicy: z.enum(['per_eligible_village', 'per_full_200'], { error: msg('服务站政策只能是 per_eligible_village 或 per_full_200') }),
  stationsPer: z.int().positive(),
});

const shape = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+$/, '活动代码只能由小写字母、数字和连字符组成'),
  name,
  province: z.string().regex(/^\d{2}$/, '省份代码应为两位数字'),
  timezone: z.literal('Asia/Shanghai', { error: msg('时区应为 Asia/Shanghai（北京时间）') }),
  start: isoDate,
  end: isoDate,
  rampStart: isoDate,
  periods: z.array(period).min(1, '至少一个报送期'),
  reportDueAfterDays: z.int().min(0).max(60),
  summaryDue: isoDate,
  stages: z.array(stage).min(1, '至少一个阶段'),
  gates: z.array(gate),
  tasks: z.array(task).min(1, '至少一项任务'),
  indicators: z.array(indicator).min(1, '至少一个指标'),
  relations: z.array(relation),
  thresholds,
  documents: documentsSchema,
});

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter((x): x is Loose => typeof x === 'object' && x !== null) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const day = (v: unknown): string | undefined => (isoDate.safeParse(v).success ? (v as string) : undefined);

/**
 * Cross-references a single field's schema cannot see: every code named must exist, dates must lie in order.
 * It reads the raw file defensively, so these errors are listed together with the field errors in one pass.
 */
function crossIssues(raw: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const fail = (path: (string | number)[], message: string) => issues.push({ path, message });
  const def = (typeof raw === 'object' && raw !== null ? raw : {}) as Loose;
  const codes = (key: string) => new Set(list(def[key]).map((x) => text(x.code)).filter(Boolean));
  const tasks = codes('tasks');
  const stages = codes('stages');
  const gates = codes('gates');
  const indicators = codes('indicators');
  const duplicates = (key: string, what: string) => {
    const seen = new Set<string>();
    list(def[key]).forEach((item, i) => {
      const c = text(item.code);
      if (c && seen.has(c)) fail([key, i, 'code'], `${what}代码 ${c} 重复`);
      if (c) seen.add(c);
    });
  };
  duplicates('tasks', '任务');
  duplicates('stages', '阶段');
  duplicates('gates', '关口');
  duplicates('indicators', '指标');
  const [start, end, summaryDue] = [day(def.start), day(def.end), day(def.summaryDue)];
  if (start && end && end < start) fail(['end'], `结束日期 ${end} 早于开始日期 ${start}`);
  if (start && end && summaryDue && (summaryDue < start || summaryDue > end)) fail(['summaryDue'], `总结报送截止日 ${summaryDue} 不在活动期（${start} 至 ${end}）内`);
  const thresholds = (def.thresholds ?? {}) as Loose;
  if (typeof thresholds.amber === 'number' && typeof thresholds.green === 'number' && thresholds.amber > thresholds.green) fail(['thresholds', 'amber'], '黄色阈值不能高于绿色阈值');
  list(def.indicators).forEach((ind, i) => {
    const task = text(ind.task);
    if (task && !tasks.has(task) && !stages.has(task)) fail(['indicators', i, 'task'], `任务 ${task} 未在 tasks 或 stages 中定义`);
    const denominator = ((ind.target ?? {}) as Loose).denominator as Loose | null | undefined;
    const named = text(denominator?.indicator);
    if (named && !indicators.has(named)) fail(['indicators', i, 'target', 'denominator', 'indicator'], `分母指标 ${named} 未定义`);
    const range = (ind.range ?? {}) as Loose;
    if (typeof range.min === 'number' && typeof range.max === 'number' && range.min > range.max) fail(['indicators', i, 'range'], '取值范围下限大于上限');
  });
  list(def.stages).forEach((s, i) =>
    (Array.isArray(s.gates) ? s.gates : []).forEach((g: unknown, j: number) => {
      if (typeof g === 'string' && !gates.has(g)) fail(['stages', i, 'gates', j], `关口 ${g} 未在 gates 中定义`);
    }),
  );
  list(def.relations).forEach((r, i) => {
    const part = text(r.part);
    if (part && !indicators.has(part)) fail(['relations', i, 'part'], `指标 ${part} 未定义`);
    const whole = text(((r.whole ?? {}) as Loose).indicator);
    if (whole && !indicators.has(whole)) fail(['relations', i, 'whole', 'indicator'], `指标 ${whole} 未定义`);
  });
  const periods = Array.isArray(def.periods) ? def.periods : [];
  periods.forEach((p: unknown, i: number) => {
    if (periods.indexOf(p) !== i) fail(['periods', i], `报送期 ${String(p)} 重复`);
  });
  issues.push(...documentsCrossIssues(def.documents, tasks, indicators));
  return issues;
}

export const campaignDefinition = shape;

export interface DefinitionIssue {
  path: (string | number)[];
  message: string;
}

export type Validated = { ok: true; definition: CampaignDef } | { ok: false; issues: DefinitionIssue[] };

export function validateDefinition(input: unknown): Validated {
  const parsed = shape.safeParse(input, { error: (issue) => chineseFallback(issue) });
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message }))),
    ...crossIssues(input),
  ];
  if (parsed.success && issues.length === 0) return { ok: true, definition: parsed.data as CampaignDef };
  return { ok: false, issues };
}

// Messages the schema does not spell out itself (missing keys, wrong types, unknown keys) in the editor's language.
function chineseFallback(issue: { code?: string; expected?: unknown; input?: unknown; keys?: string[] }): string | undefined {
  if (issue.code === 'invalid_type') return issue.input === undefined ? '缺少此项' : `类型错误：应为${typeName(issue.expected)}`;
  if (issue.code === 'unrecognized_keys') return `不认识的字段：${(issue.keys ?? []).join('、')}`;
  if (issue.code === 'too_small') return '数值过小或项目过少';
  if (issue.code === 'too_big') return '数值过大或内容过长';
  if (issue.code === 'invalid_value') return '取值不在允许范围内';
  return undefined;
}

function typeName(expected: unknown): string {
  const names: Record<string, string> = { string: '文本', number: '数字', int: '整数', boolean: '是/否（true/false）', array: '列表', object: '对象' };
  return names[String(expected)] ?? String(expected);
}

/** The JSON Schema that editors use to check a definition file while it is written. */
export function definitionJsonSchema(): unknown {
  return z.toJSONSchema(shape, { target: 'draft-2020-12' });
}
