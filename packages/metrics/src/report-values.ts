import { toDayNumber, type IndicatorDef } from '@dudao/schema/campaign';

/** Reads a stored report value: numbers for counts, amounts and days, 1/0 for bools, the ISO string for dates, null when blank. */
export function parseReportValue(def: IndicatorDef, raw: string | null | undefined): number | string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const text = raw.trim();
  if (def.kind === 'bool') {
    if (text === 'true') return 1;
    if (text === 'false') return 0;
    throw new Error(`指标 ${def.code} 的值 "${raw}" 不是 true/false`);
  }
  if (def.kind === 'date') {
    toDayNumber(text);
    return text;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`指标 ${def.code} 的值 "${raw}" 不是数字`);
  return value;
}

export function parseReportNumber(def: IndicatorDef, raw: string | null | undefined): number | null {
  const value = parseReportValue(def, raw);
  if (typeof value === 'string') throw new Error(`指标 ${def.code} 是日期，不能作为数值`);
  return value;
}
