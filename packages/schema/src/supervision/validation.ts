import { z } from 'zod';
import { isoDateSchema, unitCodeSchema } from '../reports/validation';

export const recordVisitInput = z.object({
  countyCode: unitCodeSchema,
  visitedOn: isoDateSchema,
  byLevel: z.enum(['city', 'province']),
  visitors: z.string().trim().min(1, '请填写督导人员'),
  findings: z.string().trim().min(2, '请填写督导发现的问题'),
});
export const addItemInput = z.object({
  visitId: z.number().int().positive(),
  description: z.string().trim().min(2, '请填写整改事项'),
  owner: z.string().trim().min(1, '请填写责任单位或责任人'),
  dueOn: isoDateSchema,
});
export const closeItemInput = z.object({
  itemId: z.number().int().positive(),
  evidence: z.string().trim().min(2, '销号须填写整改佐证'),
});
export const supervisionTargetInput = z.object({ target: z.enum(['visit', 'item']), id: z.number().int().positive() });
export const voidRecordInput = supervisionTargetInput.extend({ reason: z.string().trim().min(2, '作废须写明原因（至少 2 个字）').max(500, '原因过长') });
export const correctRecordInput = supervisionTargetInput.extend({
  reason: z.string().trim().min(2, '更正须写明原因（至少 2 个字）').max(500, '原因过长'),
  changes: z.object({
    visitedOn: isoDateSchema.optional(),
    visitors: z.string().trim().min(1, '请填写督导人员').max(200).optional(),
    findings: z.string().trim().min(2, '请填写督导发现的问题').max(2000).optional(),
    description: z.string().trim().min(2, '请填写整改事项').max(1000).optional(),
    owner: z.string().trim().min(1, '请填写责任单位或责任人').max(200).optional(),
    dueOn: isoDateSchema.optional(),
  }),
});
export const supervisionListInput = z.object({
  unit: z.string().regex(/^\d{2}(\d{2}){0,2}$/, '单位代码应为行政区划代码').optional(),
  asOf: isoDateSchema.optional(),
  /** Without asOf: every record as it stands now, its items judged overdue at this day (default today). */
  judgeOn: isoDateSchema.optional(),
});
export const supervisionOverviewInput = z.object({ unit: z.string().regex(/^\d{2}(\d{2}){0,2}$/, '单位代码应为行政区划代码').optional(), asOf: isoDateSchema });
