import type { Campaign, IndicatorDef } from './api-types';
import { formText } from '$lib/form-text';

export interface ReportGroup {
  code: string;
  name: string;
  indicators: IndicatorDef[];
  /** The field of the task's narrative (工作情况); S1 has none. */
  narrative: string | null;
}

export const narrativeField = (task: string) => `narrative.${task}`;
export const commentField = (code: string) => `comment.${code}`;

/** The monthly report as the clerk fills it: S1's plan date, then the eleven tasks with their reported indicators and narrative. */
export function reportGroups(campaign: Pick<Campaign, 'stages' | 'tasks' | 'indicators'>): ReportGroup[] {
  const reported = campaign.indicators.filter((i) => i.source === 'report');
  const s1 = campaign.stages.find((s) => s.code === 'S1');
  const planning = reported.filter((i) => !campaign.tasks.some((t) => t.code === i.task));
  return [
    ...(planning.length
      ? [{ code: s1?.code ?? 'S1', name: s1?.name ?? '谋划部署', indicators: planning, narrative: null }]
      : []),
    ...campaign.tasks.map((t) => ({
      code: t.code,
      name: t.name,
      indicators: reported.filter((i) => i.task === t.code),
      narrative: narrativeField(t.code),
    })),
  ];
}

/** Every field the report form sends, in form order. */
export function reportFieldCodes(groups: readonly ReportGroup[]): string[] {
  return groups.flatMap((g) => [...g.indicators.map((i) => i.code), ...(g.narrative ? [g.narrative] : [])]);
}

/** The values and comments of a posted report form, as reports.saveDraft takes them: blanks are null, empty comments left out. */
export function readReportForm(
  form: FormData,
  fields: readonly string[],
): { values: Record<string, string | null>; comments: Record<string, string> } {
  const values: Record<string, string | null> = {};
  const comments: Record<string, string> = {};
  for (const field of fields) {
    const text = formText(form, field).trim();
    values[field] = text === '' ? null : text;
    const comment = formText(form, commentField(field)).trim();
    if (comment) comments[field] = comment;
  }
  return { values, comments };
}

/** A stored value as the form shows it when read-only. */
export function shownValue(def: Pick<IndicatorDef, 'kind'>, text: string | null | undefined): string {
  if (text == null || text === '') return '未填';
  if (def.kind === 'bool') return text === 'true' ? '是' : text === 'false' ? '否' : text;
  return text;
}
