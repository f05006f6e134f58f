import { z } from 'zod';
import { caseKinds } from './tables';
import { isCalendarDate } from '../common/validation';

export const caseColumns = ['case_id', 'kind', 'township_code', 'applied_on', 'decided_on'] as const;
const date = (label: string) => z.string().trim().refine(isCalendarDate, `${label}应为真实的日历日期 YYYY-MM-DD`);

export const caseRowSchema = z
  .object({
    case_id: z
      .string()
      .trim()
      .min(1, '缺少案件编号')
      .regex(/^[^=+\-@]/, '案件编号不能以 = + - @ 开头')
      .max(64, '案件编号过长'),
    kind: z.enum(caseKinds, { message: '类别应为“低保”或“特困”' }),
    township_code: z
      .string()
      .trim()
      .regex(/^\d{9}$/, '乡镇（街道）代码应为9位数字'),
    applied_on: date('申请日期'),
    decided_on: z.union([z.literal('').transform(() => null), date('办结日期')]),
  })
  .refine((r) => r.decided_on === null || r.decided_on >= r.applied_on, {
    message: '办结日期不能早于申请日期',
    path: ['decided_on'],
  });
export type CaseRowInput = z.output<typeof caseRowSchema>;

/** The case log's Chinese headers as the template writes them; the English codes are still accepted. */
export const caseColumnHeaders: Record<(typeof caseColumns)[number], string> = {
  case_id: '案件编号',
  kind: '类别',
  township_code: '乡镇（街道）代码',
  applied_on: '申请日期',
  decided_on: '办结日期',
};
