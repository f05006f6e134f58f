import { z } from 'zod';
import { recordId } from '../common/validation';
import { isoDateSchema, periodSchema, unitCodeSchema } from '../reports/validation';

const countyCode = z.string().regex(/^\d{6}$/, '县级单位代码应为 6 位数字');
const link = z.union([
  z.object({ indicator: z.string().min(1, '请选择关联指标').max(40) }).strict(),
  z.object({ reason: z.string().min(1, '请选择关联的滞后原因').max(40) }).strict(),
]);

export const issueDispatchInput = z.object({
  counties: z.array(countyCode).min(1, '请选择督办的县区').max(200),
  title: z.string().trim().min(2, '请填写督办事项标题').max(80, '标题不超过 80 字'),
  matter: z.string().trim().min(2, '请填写督办内容').max(2000, '督办内容不超过 2000 字'),
  level: z.enum(['normal', 'key'], { error: '督办级别应为一般或重点' }),
  deadline: isoDateSchema,
  links: z.array(link).max(20).optional(),
});
export const dispatchListInput = z.object({ asOf: isoDateSchema, unit: unitCodeSchema.optional() });
export const dispatchGetInput = z.object({ id: recordId, asOf: isoDateSchema.optional() });
export const dispatchCopyInput = z.object({ id: recordId, county: countyCode });
export const dispatchFeedbackInput = dispatchCopyInput.extend({
  text: z.string().trim().min(2, '请填写反馈内容').max(2000, '反馈内容不超过 2000 字'),
  askClose: z.boolean(),
  files: z.array(recordId).max(10, '附件不超过 10 个').optional(),
});
/** 办结: when the linked lagging reason still holds in the data, the reviewer confirms with a reason (checked by the service). */
export const dispatchCloseInput = dispatchCopyInput.extend({
  confirmReason: z
    .string()
    .trim()
    .min(2, '确认办结的理由至少 2 个字')
    .max(500, '确认办结的理由不超过 500 字')
    .optional(),
});
export const dispatchSendBackInput = dispatchCopyInput.extend({
  reason: z.string().trim().min(2, '请填写退回原因').max(500),
});
export const urgeInput = z.object({
  kind: z.enum(['report', 'roster', 'summary', 'dispatch'], { error: '催报类型应为月报、台账、总结或督办单' }),
  unit: unitCodeSchema,
  period: periodSchema.optional(),
  id: recordId.optional(),
});

/** 一键催报 of a city (4 digits) or the province (2 digits). */
export const urgeAllInput = z.object({
  unit: z.string().regex(/^\d{2}(\d{2})?$/, { error: '一键催报只能针对一个市或全省' }),
});
