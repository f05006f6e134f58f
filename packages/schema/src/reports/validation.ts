import { z } from 'zod';

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式应为 YYYY-MM，例如 2021-07');
export const unitCodeSchema = z.string().regex(/^\d{2}(\d{2}){0,2}(\d{3})?(\d{3})?$/, '单位代码应为行政区划代码');
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const isoInstantSchema = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601，例如 2021-08-03T09:00:00+08:00' });

/** One row of the long values format: unit_code,period,indicator,value,comment. */
export const valueRowSchema = z.object({
  unit_code: z.string().trim().min(1, '缺少单位代码'),
  period: periodSchema,
  indicator: z.string().trim().min(1, '缺少指标代码'),
  value: z.string().trim(),
  comment: z.string().trim().default(''),
});
export type ValueRow = z.infer<typeof valueRowSchema>;

const fieldValue = z.string().trim().max(2000, '内容过长').nullable();

export const reportRefInput = z.object({ countyCode: unitCodeSchema, period: periodSchema });

export const saveDraftInput = reportRefInput.extend({
  version: z.number().int().nonnegative(),
  values: z.record(z.string(), fieldValue),
  comments: z.record(z.string(), z.string().trim().max(500, '说明过长')).default({}),
});
export type SaveDraftInput = z.infer<typeof saveDraftInput>;

export const submitInput = reportRefInput.extend({ version: z.number().int().nonnegative() });
export const returnInput = submitInput.extend({ reason: z.string().trim().min(2, '退回须填写原因').max(500, '原因过长') });
export const decisionInput = submitInput;
export const narrativeField = (task: string) => `narrative.${task}`;
export const acceptManyInput = z.object({ reports: z.array(decisionInput).min(1, '请至少选择一份月报').max(300, '一次最多确认 300 份月报') });
