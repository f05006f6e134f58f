import { z } from 'zod';
import { anyUnitCode, campaignDate, countyCode } from '../common/validation';

export const periodSchema = z
  .string()
  .regex(
    /^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/,
    '期间格式应为 YYYY-MM（月报，例如 2021-07）或 YYYY-Qn（季报，例如 2022-Q1）',
  );
export const unitCodeSchema = anyUnitCode;
export const isoDateSchema = campaignDate;
export const isoInstantSchema = z.iso.datetime({
  offset: true,
  message: '时间格式应为 ISO 8601，例如 2021-08-03T09:00:00+08:00',
});

/** Exports put a ' before a cell a spreadsheet would run as a formula; reading it back takes that mark off. */
export function unneutralised(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** One row of the long values format: unit_code,period,indicator,value,comment. */
export const valueRowSchema = z.object({
  unit_code: z.string().trim().min(1, '缺少单位代码'),
  period: periodSchema,
  indicator: z.string().trim().min(1, '缺少指标代码').max(64, '指标代码过长'),
  value: z.string().trim().transform(unneutralised),
  comment: z.string().trim().max(500, '说明不能超过 500 字').default('').transform(unneutralised),
});
export type ValueRow = z.infer<typeof valueRowSchema>;

const fieldValue = z.string().trim().max(2000, '内容过长').nullable();

export const reportRefInput = z.object({ countyCode, period: periodSchema });

/** A report field: an indicator code or `narrative.<task>`; which ones the campaign has is the service's check. */
const fieldKey = z.string().regex(/^[a-z0-9_]{1,64}$|^narrative\.[A-Za-z0-9]{1,16}$/, '不是填报指标代码');

/** `__proto__` survives JSON.parse as an own key but vanishes when copied into an object: refuse it before zod copies. */
const ownKeys = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v, ctx) => {
    if (v && typeof v === 'object' && Object.hasOwn(v, '__proto__'))
      ctx.addIssue({ code: 'custom', message: '__proto__ 不是填报指标代码' });
    return v;
  }, schema);

export const saveDraftInput = reportRefInput.extend({
  version: z.number().int().nonnegative().max(1_000_000),
  values: ownKeys(z.record(fieldKey, fieldValue)),
  comments: ownKeys(z.record(fieldKey, z.string().trim().max(500, '说明过长'))).default({}),
});
export type SaveDraftInput = z.infer<typeof saveDraftInput>;

export const submitInput = reportRefInput.extend({ version: z.number().int().nonnegative().max(1_000_000) });
export const returnInput = submitInput.extend({
  reason: z.string().trim().min(2, '退回须填写原因').max(500, '原因过长'),
});
export const decisionInput = submitInput;
export const narrativeField = (task: string) => `narrative.${task}`;
export const acceptManyInput = z.object({
  reports: z.array(decisionInput).min(1, '请至少选择一份月报').max(300, '一次最多确认 300 份月报'),
});
