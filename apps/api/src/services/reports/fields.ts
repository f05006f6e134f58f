import type { CampaignDef, IndicatorDef } from '@dudao/schema/campaign';
import { isCalendarDate } from '@dudao/schema/inputs';

export const narrativePrefix = 'narrative.';

/** Fields a county writes in its monthly report: reported indicators plus one narrative per task. */
export function reportFields(campaign: CampaignDef): { indicators: IndicatorDef[]; narratives: string[] } {
  return {
    indicators: campaign.indicators.filter((i) => i.source === 'report'),
    narratives: campaign.tasks.map((t) => `${narrativePrefix}${t.code}`),
  };
}

export function fieldOrder(campaign: CampaignDef): string[] {
  const { indicators, narratives } = reportFields(campaign);
  return [...indicators.map((i) => i.code), ...narratives];
}

export function fieldLabel(campaign: CampaignDef, field: string): string {
  if (field.startsWith(narrativePrefix)) {
    const task = campaign.tasks.find((t) => `${narrativePrefix}${t.code}` === field);
    return task ? `${field}（${task.code} ${task.name} 工作情况）` : field;
  }
  const def = campaign.indicators.find((i) => i.code === field);
  return def ? `${field}（${def.name}）` : field;
}

export type Parsed = { ok: true; value: string | null } | { ok: false; message: string };

/** Largest value a kind may hold when the indicator names no range: far above any county's figure, far below Infinity. */
export const kindMax = { count: 100_000_000, amount: 100_000_000_000, days: 366 } as const;

function withinRange(kind: keyof typeof kindMax, value: number, text: string): Parsed | null {
  // An indicator's own range is a report rule (checked with its wording there); this only keeps numbers finite.
  const min = 0;
  const max = kindMax[kind];
  if (!Number.isFinite(value) || value < min || value > max)
    return {
      ok: false,
      message: `应在 ${min}–${max} 之间，实际为“${text.length > 20 ? `${text.slice(0, 20)}…` : text}”`,
    };
  return null;
}

const TRUE = new Set(['true', '是', '1']);
const FALSE = new Set(['false', '否', '0']);

/** Canonical text per kind, so an export of imported values reads back identical. */
export function parseFieldValue(def: IndicatorDef | undefined, raw: string): Parsed {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (!def) return text.length > 2000 ? { ok: false, message: '内容超过 2000 字' } : { ok: true, value: text };
  switch (def.kind) {
    case 'count': {
      if (!/^\d+$/.test(text)) return { ok: false, message: `应为非负整数，实际为“${text}”` };
      return withinRange('count', Number(text), text) ?? { ok: true, value: String(Number(text)) };
    }
    case 'amount': {
      if (!/^\d+(\.\d{1,2})?$/.test(text))
        return { ok: false, message: `应为金额（元，最多两位小数），实际为“${text}”` };
      return withinRange('amount', Number(text), text) ?? { ok: true, value: Number(text).toFixed(2) };
    }
    case 'days': {
      if (!/^\d+(\.\d)?$/.test(text)) return { ok: false, message: `应为工作日数（最多一位小数），实际为“${text}”` };
      return withinRange('days', Number(text), text) ?? { ok: true, value: Number(text).toFixed(1) };
    }
    case 'bool': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: 'true' };
      if (FALSE.has(lower)) return { ok: true, value: 'false' };
      return { ok: false, message: `应为“是/否”或 true/false，实际为“${text}”` };
    }
    case 'date': {
      if (!isCalendarDate(text)) return { ok: false, message: `应为日期 YYYY-MM-DD，实际为“${text}”` };
      return { ok: true, value: text };
    }
    default:
      return { ok: false, message: '该指标由系统计算，不能填报' };
  }
}
