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

const period = z.string().regex(/^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/, '报送期应为 YYYY-MM（月报）或 YYYY-Qn（季报）');
const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, '代码只能由字母、数字和下划线组成，并以字母开头');
const name = z.string().min(1, '名称不能为空').max(100, '名称不超过 100 个字符');
const share = z.number().min(0, '比例应在 0 到 1 之间').max(1, '比例应在 0 到 1 之间');

const denominator = z.union([
  z.strictObject({ indicator: code }),
  z.strictObject({
    orgCount: z.enum(['townships', 'villages'], { error: msg('组织计数只能是 townships 或 villages') }),
  }),
]);

const target = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('ratio'),
      denominator: denominator.nullable(),
      share,
      deadline: isoDate.nullable(),
    }),
    z.strictObject({ kind: z.literal('threshold'), min: z.number().nonnegative('下限不能为负'), deadline: isoDate }),
    z.strictObject({ kind: z.literal('upper'), max: z.number().nonnegative('上限不能为负') }),
    z.strictObject({ kind: z.literal('date_by'), deadline: isoDate }),
  ],
  { error: msg('目标类型只能是 ratio、threshold、upper 或 date_by') },
);

const villageHas = z.enum(
  ['coordinator', 'expected_stations', 'civil_affairs_member', 'station', 'full_time_coordinator'],
  {
    error: msg('村级条件只能是 coordinator、expected_stations、civil_affairs_member、station 或 full_time_coordinator'),
  },
);
const villageSet = z.enum(['all', 'eligible'], { error: msg('村范围只能是 all（全部村）或 eligible（符合条件的村）') });
const rosterColumn = z.enum(
  ['longTermRecipients', 'coordinators', 'coordinatorsFullTime', 'coordinatorPay', 'stations'],
  {
    error: msg('台账列只能是 longTermRecipients、coordinators、coordinatorsFullTime、coordinatorPay 或 stations'),
  },
);

const derived = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('coverage'), has: villageHas, villages: villageSet }),
    z.strictObject({ kind: z.literal('share'), part: rosterColumn, whole: rosterColumn }),
    z.strictObject({ kind: z.literal('average'), column: rosterColumn, where: villageHas.optional() }),
    z.strictObject({ kind: z.literal('village_count'), villages: villageSet, has: villageHas.optional() }),
    z.strictObject({ kind: z.literal('sum'), column: rosterColumn, villages: villageSet.optional() }),
    z.strictObject({
      kind: z.literal('stations_per_recipients'),
      per: z.int().positive('人数应大于 0'),
      recipients: villageSet,
    }),
    z.strictObject({ kind: z.literal('case_log_average_days') }),
    z.strictObject({
      kind: z.literal('case_log_over_limit'),
      limitDays: z.int().positive('天数应大于 0').optional(),
      limitFrom: code.optional(),
    }),
  ],
  {
    error: msg(
      '派生方式只能是 coverage、share、average、village_count、sum、stations_per_recipients、case_log_average_days 或 case_log_over_limit',
    ),
  },
);

const indicator = z.strictObject({
  code,
  task: code,
  name,
  kind: z.enum(['count', 'amount', 'days', 'bool', 'date', 'ratio'], {
    error: msg('指标类型只能是 count、amount、days、bool、date 或 ratio'),
  }),
  accumulation: z.enum(['stock', 'flow'], { error: msg('累计方式只能是 stock（时点）或 flow（累计）') }).optional(),
  source: z.enum(['report', 'roster'], { error: msg('来源只能是 report（月报）或 roster（村级台账）') }),
  target: target.optional(),
  shownOnly: z.boolean().optional(),
  unit: z.string().max(10).optional(),
  range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  shortName: z.string().min(1).max(30).optional(),
  derived: derived.optional(),
});

const stage = z.strictObject({ code, name, start: isoDate.nullable(), end: isoDate, gates: z.array(code) });
const gateBase = {
  code,
  name,
  level: z.enum(['county', 'city'], { error: msg('关口层级只能是 county 或 city') }),
  deadline: isoDate,
  shortName: z.string().min(1).max(10).optional(),
  reasonCode: code.optional(),
};
const gate = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      ...gateBase,
      kind: z.literal('date_by'),
      indicator: code,
      overdueText: z.string().min(1).max(100).optional(),
    }),
    z.strictObject({
      ...gateBase,
      kind: z.literal('roster_condition'),
      villages: villageSet,
      has: villageHas,
      showsIndicator: code,
    }),
    z.strictObject({ ...gateBase, kind: z.literal('supervision_of_lagging'), laggingOn: isoDate }),
    z.strictObject({ ...gateBase, kind: z.literal('summary_submitted') }),
  ],
  { error: msg('关口类型只能是 date_by、roster_condition、supervision_of_lagging 或 summary_submitted') },
);
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
  stationPolicy: z.enum(['per_eligible_village', 'per_full_200'], {
    error: msg('服务站政策只能是 per_eligible_village 或 per_full_200'),
  }),
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
  reportName: z.enum(['月报', '季报'], { error: msg('报告名称只能是 月报 或 季报') }).optional(),
  summaryDue: isoDate,
  /** 临近提醒: working days before each report due date and gate deadline (default [3, 1]). */
  reminderDays: z.array(z.int().min(1, '提醒天数应为正整数').max(20, '提醒天数不超过 20 个工作日')).max(5).optional(),
  stages: z.array(stage).min(1, '至少一个阶段'),
  gates: z.array(gate),
  tasks: z.array(task).min(1, '至少一项任务'),
  indicators: z.array(indicator).min(1, '至少一个指标'),
  relations: z.array(relation),
  thresholds,
  documents: documentsSchema,
  /** A made-up plan for demonstrations: installed by the demo only, never into a production database. */
  demo: z.boolean().optional(),
});

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] =>
  Array.isArray(v) ? v.filter((x): x is Loose => typeof x === 'object' && x !== null) : [];
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
  const codes = (key: string) =>
    new Set(
      list(def[key])
        .map((x) => text(x.code))
        .filter(Boolean),
    );
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
  if (start && end && summaryDue && (summaryDue < start || summaryDue > end))
    fail(['summaryDue'], `总结报送截止日 ${summaryDue} 不在活动期（${start} 至 ${end}）内`);
  const thresholds = (def.thresholds ?? {}) as Loose;
  if (
    typeof thresholds.amber === 'number' &&
    typeof thresholds.green === 'number' &&
    thresholds.amber > thresholds.green
  )
    fail(['thresholds', 'amber'], '黄色阈值不能高于绿色阈值');
  list(def.indicators).forEach((ind, i) => {
    const task = text(ind.task);
    if (task && !tasks.has(task) && !stages.has(task))
      fail(['indicators', i, 'task'], `任务 ${task} 未在 tasks 或 stages 中定义`);
    const denominator = ((ind.target ?? {}) as Loose).denominator as Loose | null | undefined;
    const named = text(denominator?.indicator);
    if (named && !indicators.has(named))
      fail(['indicators', i, 'target', 'denominator', 'indicator'], `分母指标 ${named} 未定义`);
    const range = (ind.range ?? {}) as Loose;
    if (typeof range.min === 'number' && typeof range.max === 'number' && range.min > range.max)
      fail(['indicators', i, 'range'], '取值范围下限大于上限');
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
  const quarterly = periods.map((p) => typeof p === 'string' && /Q/.test(p));
  quarterly.forEach((q, i) => {
    if (q !== quarterly[0]) fail(['periods', i], '报送期应全部为月度（YYYY-MM）或全部为季度（YYYY-Qn）');
  });
  const expectedName = quarterly[0] ? '季报' : '月报';
  if (typeof def.reportName === 'string' && periods.length > 0 && def.reportName !== expectedName)
    fail(['reportName'], `报送期为${quarterly[0] ? '季度' : '月度'}，报告名称应为 ${expectedName}`);
  issues.push(...kindIssues(def));
  return issues;
}

const CASE_LOG_KINDS = ['case_log_average_days', 'case_log_over_limit'];
const CITY_KINDS = ['summary_submitted'];

/** What each gate and derived indicator names by kind must exist and fit: a date indicator, a coverage, an upper limit. */
function kindIssues(def: Loose): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const fail = (path: (string | number)[], message: string) => issues.push({ path, message });
  const indicators = new Map(list(def.indicators).map((i) => [text(i.code), i]));
  list(def.indicators).forEach((ind, i) => {
    const kind = text(((ind.derived ?? {}) as Loose).kind);
    const caseLog = kind !== undefined && CASE_LOG_KINDS.includes(kind);
    if (ind.source === 'roster' && ind.derived === undefined)
      fail(['indicators', i, 'derived'], '村级台账指标须写明派生方式（derived）');
    if (ind.source === 'roster' && caseLog)
      fail(['indicators', i, 'derived', 'kind'], `${kind} 由办件台账计算，来源应为 report`);
    if (ind.source === 'report' && kind !== undefined && !caseLog)
      fail(['indicators', i, 'derived', 'kind'], `${kind} 由村级台账计算，来源应为 roster`);
    if (kind === 'case_log_over_limit') {
      const d = ind.derived as Loose;
      if ((d.limitDays === undefined) === (d.limitFrom === undefined))
        fail(['indicators', i, 'derived'], '超时件数须写明 limitDays 或 limitFrom 之一');
      const from = text(d.limitFrom);
      const limited = from === undefined ? undefined : indicators.get(from);
      if (from !== undefined && !limited) fail(['indicators', i, 'derived', 'limitFrom'], `指标 ${from} 未定义`);
      else if (limited && ((limited.target ?? {}) as Loose).kind !== 'upper')
        fail(['indicators', i, 'derived', 'limitFrom'], `指标 ${from} 没有上限目标（upper），不能作为时限`);
    }
  });
  let supervision = 0;
  list(def.gates).forEach((g, i) => {
    const kind = text(g.kind);
    if (kind === undefined) return;
    const level = CITY_KINDS.includes(kind) ? 'city' : 'county';
    if (typeof g.level === 'string' && g.level !== level)
      fail(['gates', i, 'level'], `${kind} 关口的层级应为 ${level}`);
    if (kind === 'supervision_of_lagging' && ++supervision > 1)
      fail(['gates', i, 'kind'], '只能有一个 supervision_of_lagging 关口');
    const named = (key: string, fits: (ind: Loose) => boolean, what: string) => {
      const c = text(g[key]);
      if (c === undefined) return;
      const ind = indicators.get(c);
      if (!ind) fail(['gates', i, key], `指标 ${c} 未定义`);
      else if (!fits(ind)) fail(['gates', i, key], `指标 ${c} 不是${what}`);
    };
    if (kind === 'date_by')
      named('indicator', (ind) => ind.kind === 'date' && ind.source === 'report', '月报中填报的日期指标');
    if (kind === 'roster_condition') named('showsIndicator', (ind) => ind.source === 'roster', '村级台账指标');
    const laggingOn = day(g.laggingOn);
    const deadline = day(g.deadline);
    if (laggingOn && deadline && laggingOn > deadline)
      fail(['gates', i, 'laggingOn'], `认定滞后的日期 ${laggingOn} 晚于督导截止日 ${deadline}`);
  });
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
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => ({
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: i.message,
        }))),
    ...crossIssues(input),
  ];
  if (parsed.success && issues.length === 0) {
    // Without a name the periods say it: quarters make a 季报, months a 月报.
    const reportName = parsed.data.reportName ?? (parsed.data.periods.some((p) => p.includes('Q')) ? '季报' : '月报');
    return { ok: true, definition: { ...parsed.data, reportName } };
  }
  return { ok: false, issues };
}

// Messages the schema does not spell out itself (missing keys, wrong types, unknown keys) in the editor's language.
function chineseFallback(issue: {
  code?: string;
  expected?: unknown;
  input?: unknown;
  keys?: string[];
}): string | undefined {
  if (issue.code === 'invalid_type')
    return issue.input === undefined ? '缺少此项' : `类型错误：应为${typeName(issue.expected)}`;
  if (issue.code === 'unrecognized_keys') return `不认识的字段：${(issue.keys ?? []).join('、')}`;
  if (issue.code === 'too_small') return '数值过小或项目过少';
  if (issue.code === 'too_big') return '数值过大或内容过长';
  if (issue.code === 'invalid_value') return '取值不在允许范围内';
  return undefined;
}

function typeName(expected: unknown): string {
  const names: Record<string, string> = {
    string: '文本',
    number: '数字',
    int: '整数',
    boolean: '是/否（true/false）',
    array: '列表',
    object: '对象',
  };
  return names[String(expected)] ?? String(expected);
}

/** The JSON Schema that editors use to check a definition file while it is written. */
export function definitionJsonSchema(): unknown {
  return z.toJSONSchema(shape, { target: 'draft-2020-12' });
}
