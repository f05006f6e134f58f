import { z } from 'zod';
import { campaignDate, countyCode, longText, recordId, shortText } from '../common/validation';

export const recordVisitInput = z.object({
  countyCode,
  visitedOn: campaignDate,
  byLevel: z.enum(['city', 'province'], { message: '督导层级应为 city 或 province' }),
  visitors: shortText('督导人员', 200).min(1, '请填写督导人员'),
  findings: longText('督导发现的问题', 5000).min(2, '请填写督导发现的问题'),
});
export const addItemInput = z.object({
  visitId: recordId,
  description: longText('整改事项', 2000).min(2, '请填写整改事项'),
  owner: shortText('责任单位或责任人', 200).min(1, '请填写责任单位或责任人'),
  dueOn: campaignDate,
});
export const closeItemInput = z.object({
  itemId: recordId,
  evidence: longText('整改佐证', 5000).min(2, '销号须填写整改佐证（至少 2 个字）'),
});
export const supervisionTargetInput = z.object({ target: z.enum(['visit', 'item']), id: recordId });
export const voidRecordInput = supervisionTargetInput.extend({
  reason: z.string().trim().min(2, '作废须写明原因（至少 2 个字）').max(500, '原因过长'),
});
export const correctRecordInput = supervisionTargetInput.extend({
  reason: z.string().trim().min(2, '更正须写明原因（至少 2 个字）').max(500, '原因过长'),
  changes: z.object({
    visitedOn: campaignDate.optional(),
    visitors: z.string().trim().min(1, '请填写督导人员').max(200).optional(),
    findings: z.string().trim().min(2, '请填写督导发现的问题').max(2000).optional(),
    description: z.string().trim().min(2, '请填写整改事项').max(1000).optional(),
    owner: z.string().trim().min(1, '请填写责任单位或责任人').max(200).optional(),
    dueOn: campaignDate.optional(),
  }),
});
export const supervisionListInput = z.object({
  unit: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, '单位代码应为行政区划代码')
    .optional(),
  asOf: campaignDate.optional(),
});
export const supervisionOverviewInput = z.object({
  unit: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, '单位代码应为行政区划代码')
    .optional(),
  asOf: campaignDate,
});
