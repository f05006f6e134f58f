import { z } from 'zod';

/**
 * The documents' fixed texts (issuers, titles, headings, fixed sentences, 下一步打算, annex names, figure wordings):
 * wording a bureau's 文秘 edits in the definition file, never in code.
 */

/** Placeholders every document text may use; each is filled by the document being written. */
export const documentPlaceholders = ['issuer', 'campaign', 'year', 'scope', 'date', 'tasks'] as const;
/** Placeholders of a figure's wording: the value in its kind's words, the summed numerator and denominator, the share. */
export const figurePlaceholders = ['v', 'num', 'den', 'pct'] as const;

const placeholderList = (allowed: readonly string[]) => allowed.map((p) => `{${p}}`).join('、');

/** Text that may name only the given placeholders; a misspelt one would otherwise print as '{cty}' in a 公文. */
const template = (allowed: readonly string[], { empty = false }: { empty?: boolean } = {}) =>
  z
    .string()
    .min(empty ? 0 : 1, '文字不能为空')
    .max(400, '文字不超过 400 个字符')
    .superRefine((text, ctx) => {
      for (const [, name] of text.matchAll(/\{([^{}]*)\}/g)) {
        if (!allowed.includes(name!))
          ctx.addIssue({
            code: 'custom',
            message: `未知的占位符 {${name}}，可用：${allowed.length ? placeholderList(allowed) : '无'}`,
          });
      }
    });

const docText = template(documentPlaceholders);
const taskCode = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, '任务代码只能由字母、数字和下划线组成，并以字母开头');

/** Each part at most once: a summary with 存在的问题 twice would say everything twice. */
const partsOnce = <T extends { part: string }>(sections: T[], ctx: z.RefinementCtx) => {
  sections.forEach((s, i) => {
    if (sections.findIndex((o) => o.part === s.part) !== i)
      ctx.addIssue({ code: 'custom', path: [i, 'part'], message: `部分 ${s.part} 重复` });
  });
};

const summarySection = z.strictObject({
  part: z.enum(['basics', 'tasks', 'problems', 'plans'], {
    error: '部分只能是 basics（基本情况）、tasks（主要做法和成效）、problems（存在的问题）或 plans（下一步打算）',
  }),
  heading: template([]),
});

const noticeSection = z.strictObject({
  part: z.enum(['overview', 'lagging', 'watch', 'requirements'], {
    error: '部分只能是 overview（总体情况）、lagging（进展缓慢县区）、watch（关注名单）或 requirements（工作要求）',
  }),
  heading: template([]),
});

const titleLines = z.array(docText).min(1, '标题至少一行').max(3, '标题不超过 3 行');

const summaryAnnexes = z.strictObject({
  keyTable: docText,
  countTable: docText,
  charts: docText,
  scoreChart: docText,
  coverageChart: docText,
  spreadsheet: docText,
});

const summaryKind = z.strictObject({
  mark: docText,
  title: titleLines,
  recipient: docText,
  opening: docText,
  closing: docText,
  sections: z.array(summarySection).min(1, '至少一个部分').superRefine(partsOnce),
  annexes: summaryAnnexes,
});

const notice = z.strictObject({
  mark: docText,
  title: titleLines,
  recipient: docText,
  opening: docText,
  sections: z.array(noticeSection).min(1, '至少一个部分').superRefine(partsOnce),
  laggingLead: docText,
  watchLead: docText,
  /** Titles of 工作要求's parts; the dispatch part is written only when open dispatch orders remain. */
  requirements: z.strictObject({
    rectify: template([]),
    supervise: template([]),
    dispatch: template([]),
    summary: template([]),
  }),
  annex: docText,
});

const planArea = z.strictObject({
  title: template([]),
  tasks: z.array(taskCode).min(1, '至少一项任务'),
  aim: template([]),
});

const figure = z.strictObject({
  wording: template(figurePlaceholders, { empty: true }).optional(),
  /** The wording when every unit counted meets it ({den}个村（社区）全部…), instead of '{den}个中{num}个'. */
  whole: template(figurePlaceholders).optional(),
  shareName: template([]).optional(),
  /** How a county short of a yes/no or at-least target is written in 存在的问题 ('尚未建立联审联批制度'). */
  shortfall: template([]).optional(),
  digits: z.int().min(0).max(4).optional(),
});

const indicatorCode = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, '指标代码只能由字母、数字和下划线组成');

/** A point of 主要做法和成效: an evaluative heading over one or more tasks, the figures it cites, the rate it compares. */
const achievement = z.strictObject({
  heading: template([]),
  tasks: z.array(taskCode).min(1, '至少一项任务'),
  figures: z.array(indicatorCode).min(1, '至少一个指标').max(6, '最多 6 个指标'),
  /** The rate given with its change since the campaign start (and, in the province's summary, the best and last city). */
  key: indicatorCode.optional(),
});
const headerLines = z.array(template([])).min(1, '至少一行').max(3, '表头最多三行');

/** The count table's reported columns (the roster columns follow the coverages): one part of one indicator each. */
const countColumn = z.strictObject({
  header: headerLines,
  indicator: indicatorCode,
  part: z.enum(['value', 'numerator', 'denominator'], { error: '应为 value、numerator 或 denominator' }),
  amount: z.boolean().optional(),
});

export const documentsSchema = z.strictObject({
  issuers: z.strictObject({ province: template([]), provinceShort: template([]), city: template(['city']) }),
  printedBy: template(['issuer']),
  contactNote: template(['contact', 'phone']),
  citySummary: summaryKind,
  provinceSummary: summaryKind,
  notice,
  /** The campaign's own assessment (督导评估): its name and, once, what makes a county 进展缓慢 in plain words. */
  assessment: z.strictObject({
    name: template([]),
    lagging: template(['score', 'red']),
    /** The plan's own word for a lagging county (推进滞后), four characters; 进展缓慢 when left out. */
    laggingWord: z
      .string()
      .regex(/^\p{Script=Han}{4}$/u, '应为四个汉字，如 进展缓慢')
      .optional(),
    sinceStart: template([]),
  }),
  achievements: z.array(achievement).min(1, '至少一项').max(8, '最多 8 项'),
  /** Run-in titles of 存在的问题's points, grouped by cause; each is written only when it has something to say. */
  problems: z.strictObject({
    lead: docText,
    none: docText,
    targets: template([]),
    /**
     * The targets point grouped by cause, a sentence each ('兜底保障方面，…。'): the tasks each group covers. Indicators
     * of no group's task close the point in a sentence of their own; without groups the point is one sentence.
     */
    targetGroups: z
      .array(z.strictObject({ lead: template([]), tasks: z.array(taskCode).min(1, '至少一项任务') }))
      .max(4, '最多 4 组')
      .optional(),
    reporting: template([]),
    balance: template([]),
  }),
  plans: z.strictObject({
    areas: z.array(planArea).min(1, '至少一项'),
    lasting: z.strictObject({ title: template([]), text: template([]) }),
    /** The city summary's paragraph on the counties at risk of missing the next deadline (only while one is ahead). */
    atRisk: z
      .strictObject({
        title: template([]),
        text: template(['deadline', 'gates', 'counties', 'count', 'method']),
      })
      .optional(),
  }),
  figures: z.record(indicatorCode, figure),
  /** Reported columns of the 附件 tables, after the roster coverages: counts that add up, and shares. */
  tables: z.strictObject({
    counts: z.array(countColumn).max(6, '最多 6 列（小五号字表格的宽度）'),
    shares: z.array(z.strictObject({ header: headerLines, indicator: indicatorCode })).max(2, '最多 2 列'),
  }),
});

export type DocumentTexts = z.infer<typeof documentsSchema>;
export type SummaryTexts = DocumentTexts['citySummary'];
export type NoticeTexts = DocumentTexts['notice'];
export type SummaryPart = SummaryTexts['sections'][number]['part'];
export type NoticePart = NoticeTexts['sections'][number]['part'];
export type PlanArea = DocumentTexts['plans']['areas'][number];
export type Achievement = DocumentTexts['achievements'][number];
export type FigureTexts = DocumentTexts['figures'][string];
export type CountColumnTexts = DocumentTexts['tables']['counts'][number];

/** The issuer of a city's documents, from the definition's pattern ('{city}民政局' → '蚌埠市民政局'). */
export const cityIssuer = (campaign: { documents: DocumentTexts }, cityName: string) =>
  fillText(campaign.documents.issuers.city, { city: cityName });

/** The province's bureau as its documents sign ('安徽省民政厅'). */
export const provinceIssuer = (campaign: { documents: DocumentTexts }) => campaign.documents.issuers.province;

/** The province's bureau as a sentence names it ('报送省民政厅', '省民政厅已于…开展实地督导'). */
export const provinceBureau = (campaign: { documents: DocumentTexts }) => campaign.documents.issuers.provinceShort;

/** Fills '{name}' placeholders; a placeholder without a value stays as written so a test or reader sees it. */
export function fillText(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Plan areas name tasks and figures name indicators: each must be one the definition defines. */
export function documentsCrossIssues(
  documents: unknown,
  tasks: ReadonlySet<string | undefined>,
  indicators: ReadonlySet<string | undefined>,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (typeof documents !== 'object' || documents === null) return issues;
  const docs = documents as {
    plans?: { areas?: unknown };
    problems?: { targetGroups?: unknown };
    figures?: unknown;
    tables?: { counts?: unknown; shares?: unknown };
  };
  const points = Array.isArray((docs as { achievements?: unknown }).achievements)
    ? ((docs as { achievements: unknown[] }).achievements as { tasks?: unknown; figures?: unknown; key?: unknown }[])
    : [];
  points.forEach((point, i) => {
    (Array.isArray(point?.tasks) ? point.tasks : []).forEach((t: unknown, j: number) => {
      if (typeof t === 'string' && !tasks.has(t))
        issues.push({ path: ['documents', 'achievements', i, 'tasks', j], message: `任务 ${t} 未在 tasks 中定义` });
    });
    const codes = [...(Array.isArray(point?.figures) ? point.figures : []), point?.key];
    codes.forEach((code: unknown) => {
      if (typeof code === 'string' && !indicators.has(code))
        issues.push({ path: ['documents', 'achievements', i], message: `指标 ${code} 未在 indicators 中定义` });
    });
  });
  const areas = Array.isArray(docs.plans?.areas) ? docs.plans.areas : [];
  areas.forEach((area: unknown, i: number) => {
    const named = (area as { tasks?: unknown })?.tasks;
    (Array.isArray(named) ? named : []).forEach((t: unknown, j: number) => {
      if (typeof t === 'string' && !tasks.has(t))
        issues.push({ path: ['documents', 'plans', 'areas', i, 'tasks', j], message: `任务 ${t} 未在 tasks 中定义` });
    });
  });
  const groups = Array.isArray(docs.problems?.targetGroups) ? docs.problems.targetGroups : [];
  groups.forEach((group: unknown, i: number) => {
    const named = (group as { tasks?: unknown })?.tasks;
    (Array.isArray(named) ? named : []).forEach((t: unknown, j: number) => {
      if (typeof t === 'string' && !tasks.has(t))
        issues.push({
          path: ['documents', 'problems', 'targetGroups', i, 'tasks', j],
          message: `任务 ${t} 未在 tasks 中定义`,
        });
    });
  });
  if (typeof docs.figures === 'object' && docs.figures !== null) {
    for (const code of Object.keys(docs.figures)) {
      if (!indicators.has(code))
        issues.push({ path: ['documents', 'figures', code], message: `指标 ${code} 未在 indicators 中定义` });
    }
  }
  for (const key of ['counts', 'shares'] as const) {
    const columns = docs.tables?.[key];
    (Array.isArray(columns) ? columns : []).forEach((column: unknown, i: number) => {
      const code = (column as { indicator?: unknown })?.indicator;
      if (typeof code === 'string' && !indicators.has(code))
        issues.push({
          path: ['documents', 'tables', key, i, 'indicator'],
          message: `指标 ${code} 未在 indicators 中定义`,
        });
    });
  }
  return issues;
}
